# 各处共用的用语。
did-you-mean = 是否想写“{ $name }”？
list-sep = 、
or-sep = 或
io-error = { $kind ->
    [storage-full] 磁盘已满
    [permission-denied] 没有权限
    [not-found] 不存在
    [broken-pipe] 管道已关闭
    [read-only] 文件系统只读
    [is-a-directory] 是一个目录
    [already-exists] 已存在
   *[other] 输入输出错误
    }：{ $error }
