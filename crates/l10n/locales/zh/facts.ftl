# 事实文件（facts）中的错误。
facts-level-not-of-kind = { $kind }只设于{ $levels }级，不是“{ $level }”级
