# 命令行：各命令共用的错误与提示。
cli-error = 错误：{ $message }
