# tiaoli diff: the report of what a change does to the law (terminal and Markdown).
