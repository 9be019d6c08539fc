"""The columns of the published catalogue table, and how its cells are written."""

import re

TITLE = "扎兰屯市人力资源和社会保障局主动公开事项目录"
LEVEL_HEADERS = ["一级事项", "二级事项", "三级事项"]
CONTENT, DEADLINE, PUBLISHER = "公开内容（要素）", "公开时限", "公开主体"
CHANNELS, AUDIENCE, OFFICE = "公开渠道和载体", "公开对象", "责任科室"
PUBLIC, GROUP = "全社会", "特定群体"
HEADER_ROW = 3  # the row that names the levels, channels and audiences
FIRST_COLUMNS = 6  # three levels, content, deadline, publisher

CHANNEL_TICKED, CHANNEL_UNTICKED, AUDIENCE_TICK = "■", "□", "√"
TICKS = {"■", "√", "✓", "✔", "☑", "是", "1", "y", "yes", "x"}
BLANKS = {"", "□", "☐", "0", "否", "no"}
NO_LEVEL = {"", "—", "-", "－", "–", "/", "无"}
ALL_OFFICES = {"局机关各股室及局属各单位", "各股室及局属各单位", "局机关各股室和局属各单位"}
UNITS_SUFFIXES = ("及局属各单位", "和局属各单位")
OFFICE_SEPARATORS = re.compile(r"[、，,；;\s]+|及|和")

MAX_FILE_BYTES = 5 * 1024 * 1024

# Columns after 责任科室 that the published table does not have: the portal's
# own settings of each item. An export carries them; an import reads them
# where they are and keeps the items' values where they are not.
EXTRA_COLUMNS = {
    "时限计算规则": "deadline_rule",
    "排序": "order",
    "网址标识": "slug",
    "展示方式": "presentation",
    "公开依据": "basis",
    "公开方式": "mode",
    "公开层级": "levels",
    "更新周期": "update_period",
}
# How an export names a blank 更新周期, and an import reads it back.
DERIVED_PERIOD = "按公开时限推算"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
