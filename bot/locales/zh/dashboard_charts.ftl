# 仪表板的图表（bot/dashboard/charts.py）。
dashboard-bad-scheme = 配色必须是 { $allowed } 之一。
ui-overview-chart-failed = 图表暂时画不出来；上面的数字是完整的。
