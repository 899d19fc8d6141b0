# 各处共用的用语。
did-you-mean = 是否想写“{ $name }”？
list-sep = 、
or-sep = 或
