## 本實例同時處理的面板請求已滿時（bot/dashboard/in_flight.py）。

dashboard-busy = 面板現在有點忙，請稍後再試。
