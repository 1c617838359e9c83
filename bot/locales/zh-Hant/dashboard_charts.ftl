# 儀錶板的圖表（bot/dashboard/charts.py）。
dashboard-bad-scheme = 配色必須是 { $allowed } 之一。
ui-overview-chart-failed = 圖表暫時畫不出來；上面的數字是完整的。
