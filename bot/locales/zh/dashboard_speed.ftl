## 本实例同时处理的面板请求已满时（bot/dashboard/in_flight.py）。

dashboard-busy = 面板现在有点忙，请稍后再试。
