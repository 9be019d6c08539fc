"""The catalogue as an Excel workbook, in the column layout of the published table.

Row 1 is the title, rows 2 and 3 the two header rows of the seed
(公开事项 一级/二级/三级, 公开内容（要素）, 公开时限, 公开主体, one column
per 公开渠道和载体, 公开对象 全社会/特定群体, 责任科室), and each following
row is one item at the end of its branch, with its ancestors named in the
level columns.

`layout` names the columns; `export` writes the workbook; `rows` is a
checked row and `parse` reads an uploaded file into them, with every problem
found in it.
"""
