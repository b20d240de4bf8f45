"""www.gov.cn: URL schemes, selectors and metadata labels, as data (../shared/corpus/gov/STRUCTURE.md §2–4)."""

from __future__ import annotations

import re

from transforms.select import class_xpath, id_xpath

HOST = "www.gov.cn"
SOURCE = "govcn"
PUBLISHER = "中国政府网"

URL_KINDS: dict[str, re.Pattern[str]] = {
    "policy": re.compile(r"/zhengce/(?:content|zhengceku)/(?:\d{4}-\d{2}/\d{2}|\d{6})/content_\d+\.htm$"),
    "policy_other": re.compile(r"/zhengce/\d{6}/content_\d+\.htm$"),
    "gazette": re.compile(r"/gongbao/\d{4}/issue_\d+/\d{6}/content_\d+\.html$"),
    "news": re.compile(r"/(?:xinwen/\d{4}-\d{2}/\d{2}|yaowen/liebiao/\d{6}|lianbo/[a-z]+/\d{6})/content_\d+\.htm$"),
}
CONTENT_ID = re.compile(r"content_(\d+)\.html?$")

#: Body containers, first match wins (the department template repeats the body in .pchide).
BODY = (id_xpath("UCAP-CONTENT"), class_xpath("pages_content", word=True), class_xpath("TRS_Editor", word=True))
#: The news template's date and source line.
DATE_LINE = class_xpath("pages-date") + "//text()"
TITLE = ('//div[contains(@class, "share-title")]', "//h1", "//title")
#: Metadata table labels (value in the next cell); spaces and &nbsp; inside labels are ignored.
META_LABELS = ("索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "来源", "公文种类", "主题词")
#: <meta name=…> fields worth keeping.
HEAD_META = ("firstpublishedtime", "lastmodifiedtime", "manuscriptId", "lanmu", "catalog", "keywords", "author")
NEWS_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\s+(\d{2}):(\d{2})")
SOURCE_LINE = re.compile(r"来源[:：]\s*([^\s|]+)")

#: News lists (2023+): 要闻 and 部门联播, paged home.htm, home_1.htm … like 最新政策's home_N.htm.
NEWS_LISTS = ("https://www.gov.cn/yaowen/liebiao/", "https://www.gov.cn/lianbo/bumen/")
LIST_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
