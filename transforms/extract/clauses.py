"""Sentences, clauses and the noun phrases in them: where a sentence and its clauses begin, the
indicator phrase left of a value (without its periods, bases, verbs, bounds and framing), the
subject a clause opens with (what an elliptical clause after it is about), and an indicator's head
and qualifiers. Rules only; the words come from lexicon.py."""

from __future__ import annotations

import re

from transforms.extract import lexicon as L
from transforms.extract.periods import period_spans


def alt(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first.

    >>> alt(["增长", "增"])
    '增长|增'
    """
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def trie_arms(words: list[str]) -> list[str]:
    """The words as regex branches, one per first character, each branching a character at a time
    after it, so that re tries a handful of first characters instead of every word in turn. Joined
    with "|", they match the same strings as alt(words) but, words sharing a prefix, may prefer
    another word at a position: use them only where the span matters, not which word filled it.

    >>> trie_arms(["同比", "同期", "环比", "了"])
    ['了', '同(?:期|比)', '环比']
    """
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return [re.escape(ch) + emit(sub) for ch, sub in sorted(tree.items()) if ch]


# -- sentences and clauses ------------------------------------------------------------------------

#: A sentence: the text up to and with a 。！？ (or the end). A run of characters, not a split at a
#: look-behind, which re tries at every position.
SENTENCE_PIECE = re.compile(r"[^。！？!?]*(?:[。！？!?]|$)")
CLAUSE_SPLIT = re.compile(r"[，,；;：:]")


#: Marks a clause starts after (a colon opens one: 情况如下：…) and marks that end one.
_OPENED_AFTER = "，,；;。：:"
_ENDED_BY = "，,；;。"


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around text[start:end] starts and ends.

    >>> s = "应收账款平均回收期为49.5天，收货人应于3日内交回。"; s[slice(*clause_span(s, 21, 23))]
    '收货人应于3日内交回'
    """
    first = max(text.rfind(c, 0, start) for c in _OPENED_AFTER) + 1
    last = min((i for i in (text.find(c, end) for c in _ENDED_BY) if i >= 0), default=len(text))
    return first, last


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs, split after 。！？.

    >>> split_sentences("增长5%。 回落！x")
    [(0, '增长5%。'), (5, ' 回落！'), (9, 'x')]
    """
    out, pos = [], 0
    for part in SENTENCE_PIECE.findall(text):
        if part.strip():
            out.append((pos, part))
        pos += len(part)
    return out


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence, split at ，；：.

    >>> clause_spans("1—11月，进出口5.47万亿美元；前三季度")
    [(0, 5), (6, 17), (18, 22)]
    """
    out, start = [], 0
    for m in CLAUSE_SPLIT.finditer(sentence):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(sentence.rstrip("。！？!?"))))
    return out


# -- the indicator phrase left of a value ---------------------------------------------------------

LEADING_NOISE = re.compile(
    rf"^(?!{alt(L.FRAMING_LOOKALIKES)})"
    r"(?:其中|同时|此外|另外|而且|而|并且|并|但是|但|以及|及|和|与|首先|其次|再次|最后|总体看|总的来看|具体来看|"
    r"从环比看|从同比看|分[^，,]{1,8}看|按[^，,]{1,8}(?:计算|看|分)|扣除[^，,]{1,8}因素|我国|今年|去年|上年|当年|全年|目前|截至目前|"
    r"据[^，,]{1,10}(?:统计|监测|测算)|数据显示|统计显示|记者[^，,]{0,6}获悉|"
    + alt(L.LEADING_FRAMING) + r")\s*[，,：:]?\s*"
)
#: The characters LEADING_NOISE can start with: any other first character leaves a phrase as it is.
_NOISE_FIRST = frozenset("其同此另而并但以及和与首其再最总从分按扣我今去上当全目截据数统记" + "".join(w[0] for w in L.LEADING_FRAMING))
#: Words a figure's indicator never ends with. Only the span of a match counts (it is cut off), so
#: the words go in as a trie. Every branch opens with a literal character and the repeat is
#: written out once (X+ as XX*): re then finds the positions a match can start at in a tight scan
#: of those characters instead of trying the pattern at every position.
_NOISE_WORD = "|".join([
    *trie_arms([*L.YOY, *L.MOM, *L.TWO_YEAR, *(v for v in (*L.UP_VERBS, *L.DOWN_VERBS) if len(v) > 1), *L.NARROWING, "了", "到", "至",
                "实际", "名义", "累计", "共", "为", *(t + v for t in ("合计", "总计") for v in ("达到", "达", "为", "约", "近", "超过")), "达到", "达", "是", "约", "近",
                "超过", "分别", "完成", "实现", "有", "在", "的", "保持", "扣除价格因素", "扣除物价因素", "比", "较", "转为", "由",
                *L.TRAILING_WORDS, *L.TRAILING_FRAMING]),
    r"比[^，,。；]{0,14}?(?:月份?|季度|半年|年|同期)",
    *(re.escape(w) + r"[^，,。；]{0,8}" for w in L.COMPARE_WORDS),
    r"连续\s*第?\s*(?:\d+|[一二三四五六七八九十两]+)\s*个?\s*(?:月|季度|年)",
])
TRAILING_NOISE = re.compile(rf"(?:{_NOISE_WORD})(?:{_NOISE_WORD})*\s*$")
#: The framing verbs between a subject and its indicator (工业企业实现出口交货值, 发生营业成本), found left
#: to right: the head starts after the last one. A verb before 的 is attributive (每百元资产实现的营业收入).
HEAD_VERB_AT = re.compile(rf"(?:{alt(L.HEAD_VERBS)})(?=[\u4e00-\u9fff])(?!的)")
#: The first characters of HEAD_VERBS' verbs: without one, it cannot match.
HEAD_VERB_HINT = re.compile("[" + "".join(sorted({w[0] for w in L.HEAD_VERBS})) + "]")
BASE_PHRASE = re.compile(r"(?:(?<!可)比|较|与|由)(?:上年|去年)?同(?:期|月)(?:相比)?|(?:(?<!可)比|较|与|由)[^，,。；比较由]{0,16}?(?:同期|月份|月|季度|半年|年末|年底|年初|年)(?:相比)?")
YEAR_WORDS = re.compile(r"\d{4}\s*年(?:以来)?|今年以来|年初以来|以来|当月|本月|截至目前|截止目前|目前|当前|如今|迄今")
#: Spans of years counted rather than named (五年内, 这五年, 过去的五年中, 二十八年间): periods, not indicator words.
YEARS_COUNTED = re.compile(r"(?:在)?(?:过去的?|这|近|今后|未来)?(?:[一二三四五六七八九十两]{1,3}|\d{1,2})\s*年(?:内|来|间|中|里|合计)(?:中)?"
                           r"|(?:过去的?|这|近|今后|未来)(?:[一二三四五六七八九十两]{1,3}|\d{1,2})\s*年|[一二三四五六七八九十两]年(?=平均|为|共|增长)"
                           r"|(?:^|(?<=\s))[一二三四五六七八九十两]年(?![期度级龄均底末初])(?=[\u4e00-\u9fff]{2})")
QUOTES = str.maketrans("", "", "“”\"‘’'「」")
#: An approximation or 已 written before 占 (约占, 已占): the value's or the period's, not the indicator's.
APPROX_SHARE = re.compile(r"(?:已经|已|大约|约|将近|接近|近)(?=占)")
#: What is left of a phrase that named nothing: a preposition alone.
LONE_WORDS = frozenset({"在", "对", "从", "于", "由", "向", "将", "把", "使", "比", "较"})
#: Digits, points, per cent signs and spaces alone name nothing.
NO_WORD_CHARS = "0123456789 .,%％\u3000"


def has_any(text: str, chars: str) -> bool:
    """Whether `text` holds one of `chars` (cheaper than a regex that needs one of them)."""
    for c in chars:
        if c in text:
            return True
    return False


def clean_indicator(left: str) -> str:
    """The indicator phrase of the text left of a figure in its clause, as printed: without
    periods, comparison bases, the figure's own verbs and framing (the lead verbs an action
    names stay: head_text takes them off).

    >>> clean_indicator("今年1—2月规模以上高技术制造业增加值同比")
    '规模以上高技术制造业增加值'
    >>> clean_indicator("工业企业实现出口交货值")
    '工业企业实现出口交货值'
    >>> clean_indicator("从环比看，2月份比上月")
    ''
    >>> clean_indicator("这五年农民人均纯收入平均每年"), clean_indicator("网上零售额突破")
    ('农民人均纯收入', '网上零售额')
    """
    s = left
    for start, end in period_spans(s):  # where periods stand, whatever their year (not bases: 比上年)
        s = s[:start] + " " * (end - start) + s[end:]
    based = BASE_PHRASE.sub(" ", s) if has_any(s, "比较与由") else s
    if based != s:
        s = based
        for start, end in period_spans(s):  # and what a base left (比2015年12月份 → 12月份)
            s = s[:start] + " " * (end - start) + s[end:]
    if has_any(s, "年以当本目如迄截"):
        s = YEAR_WORDS.sub(" ", s)
    if "年" in s:
        s = YEARS_COUNTED.sub(" ", s)
    s = s.split("，")[-1].split(",")[-1]
    parts = s.split()
    if len(parts) > 1 and parts[0] in ("对", "在", "于", "从", "据", "至", "到", "自", "截至", "截止"):  # "对 规模以上…"
        s = " ".join(parts[1:])
    s = s.strip(" \u3000“”\"")
    while True:  # leading and trailing noise off, until neither is left
        led = LEADING_NOISE.sub("", s).strip() if s[:1] in _NOISE_FIRST else s.strip()
        cut = TRAILING_NOISE.search(led)
        if cut and _per_unit_end(led, cut.start()) and (verb := CHANGE_VERB.match(led, cut.start() + (led[cut.start()] == "均"))):
            s = led[:verb.end()]  # 亩均增产25斤: a per-unit change names no noun; its verb is the indicator's
            break
        trimmed = led[:cut.start()].strip() if cut else led
        if trimmed == s:
            break
        if led == s and (cut is None or not led[:cut.start()][-1:].isspace()):
            # no leading noise, and the trailing noise went whole (re takes it from its leftmost
            # start): another round would find neither (a word before it would have been part of it)
            s = trimmed
            break
        s = trimmed
    s = s.strip("的和及与、 ")
    if "占" in s:
        s = APPROX_SHARE.sub("", s)  # 粮食产量约占全国: the share's words without its approximation
    if s.endswith("占") and "占比" in left:
        s += "比"  # 销量占比: the share's own name (比 alone ends phrases as a base)
    if len(s) > 40 or "。" in s or "！" in s or "？" in s or s in LONE_WORDS or not s.strip(NO_WORD_CHARS):
        return ""
    return s.replace(" ", "").translate(QUOTES)


#: What stands before 均 in a per-unit modifier (亩均, 人均) that needs a noun or a verb after it.
PER_UNIT = ("亩", "人", "户", "日")
CHANGE_VERB = re.compile(alt([*L.UP_VERBS, *L.DOWN_VERBS]))


def _per_unit_end(text: str, at: int) -> bool:
    """Whether `text` ends at `at` with a per-unit modifier, its 均 included or about to be cut (亩|均增产)."""
    if text[at:at + 1] == "均":
        return text.endswith(PER_UNIT, 0, at)
    return text[at - 1:at] == "均" and text.endswith(PER_UNIT, 0, at - 1)


#: Where the subject of a clause ends: its first verb, base, relation or number.
SUBJECT_END = re.compile(
    r"同比|环比|(?<![占可对])比(?![重例率])|较(?![快慢大小高低多少好])|对(?!外)|占(?!比)|由|(?<!可)再|保持|实现|完成|获得|获|出现|"
    r"达到|达|突破|超过|合计|共|(?<![人亩户年日月])均|(?<!新)(?:" + alt([*L.UP_VERBS, *L.DOWN_VERBS, *(a for a in L.SUBJECT_ADVERBS if a != "均")])
    + r")(?!加?值)|为|是|有(?![色关效机序])|[\d０-９](?![A-Za-z])"  # (增加值 is a noun; 5G a name)
)


def subject_of(clause: str) -> str:
    """The noun phrase a clause opens with, before its first verb, base or number: what a later
    elliptical clause is about ('我国粮食生产再获丰收，连续7年保持在…').

    >>> subject_of("我国粮食生产再获丰收"), subject_of("货物和服务净出口对GDP贡献率达19.5%"), subject_of("同比增长5%")
    ('粮食生产', '货物和服务净出口', '')
    >>> subject_of("全部工业增加值达到39.9万亿元"), subject_of("5G基站总数达337.7万个"), subject_of("城镇新增就业697万人")
    ('全部工业增加值', '5G基站总数', '城镇新增就业')
    """
    m = SUBJECT_END.search(clause)
    head = clause[: m.start()] if m else clause
    s = clean_indicator(head)
    return s if len(s) >= 2 else ""


#: Clauses that relate an elided subject to something else: 占…比重, 对…贡献率, 拉动…增长, 影响…上涨.
RELATIONAL = re.compile(r"^(?:合计|共同|分别|约|大约|已)?(?:占|对|拉动|带动|影响|直接拉动|完成)")


# -- head and qualifiers --------------------------------------------------------------------------

QUALIFIER_HEAD = re.compile(rf"(?:{alt(L.QUALIFIERS)})(?=..)")
#: A scope written before the head it narrows: 扣除食品和能源价格的…, 不含农户的….
SCOPE_LEAD = re.compile(r"((?:扣除|剔除|不含|不包括)[^，,。；的]{1,16})的(?=[\u4e00-\u9fffA-Za-z]{2})")
SCOPE_PAREN = re.compile(r"[（(]([^（）()]*(?:不含|含|扣除|剔除|包括|不包括)[^（）()]*)[）)]")


def split_qualifiers(phrase: str) -> tuple[str, list[str]]:
    """(head, qualifiers) of an indicator phrase.

    >>> split_qualifiers("规模以上高技术制造业增加值")
    ('高技术制造业增加值', ['规模以上'])
    >>> split_qualifiers("全国固定资产投资（不含农户）"), split_qualifiers("扣除食品和能源价格的核心CPI")
    (('固定资产投资', ['全国', '不含农户']), ('核心CPI', ['扣除食品和能源价格']))
    """
    quals: list[str] = []
    head = phrase
    while (m := QUALIFIER_HEAD.match(head)) is not None:
        quals.append(m.group(0))
        head = head[m.end():]
    for inner in SCOPE_PAREN.findall(head) if "（" in head or "(" in head else ():
        quals.append(inner)
        head = head.replace(f"（{inner}）", "").replace(f"({inner})", "")
    scope = SCOPE_LEAD.match(head) if head[:1] in "扣剔不" else None
    if scope is not None:  # 扣除食品和能源价格的核心CPI: the scope opens the phrase
        quals.append(scope.group(1))
        head = head[scope.end():]
    return head.strip(), quals


_PROVINCE_SHORT = tuple(sorted({re.sub(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$", "", p) for p in L.PROVINCES}
                              | set(L.PROVINCES), key=len, reverse=True))
_LEAD_ALTS = [re.escape(v) + ("(?!色)" if v == "有" else "(?![能兴型材设])" if v == "新" else "")
              for v in sorted(L.LEAD_VERBS, key=len, reverse=True)]
ONLY_LEAD_WORDS = re.compile(r"(?:" + alt([*L.LEAD_VERBS, *L.GEO_PREFIXES]) + r")+")
#: One leading piece of geography, means or framing verb, when at least two characters follow it.
LEAD_HEAD = re.compile(rf"(?:{alt(_PROVINCE_SHORT)}|{alt(L.GEO_PREFIXES)}|{alt(L.MEANS)}|{'|'.join(_LEAD_ALTS)})(?=[\u4e00-\u9fffA-Za-z\d]{{2}})")


#: The first characters LEAD_HEAD, PLACE_HEAD and PLACE_SUBJECT can match at: others fail at once.
_LEAD_FIRST = frozenset(w[0] for w in (*_PROVINCE_SHORT, *L.GEO_PREFIXES, *L.MEANS, *L.LEAD_VERBS, *L.PLACE_WORDS))
PLACE_HEAD = re.compile(rf"(?:{alt(_PROVINCE_SHORT)}|{alt(L.PLACE_WORDS)}|{alt(L.MEANS)})(?=[\u4e00-\u9fff]{{2}})")


#: A place that is the subject of the verb after it (全国共引进…, 河南已建成…), not part of a noun.
PLACE_SUBJECT = re.compile(rf"(?:{alt(_PROVINCE_SHORT)}|{alt(L.PLACE_WORDS)})(?=共|{alt(L.MEANS)}|{alt(L.LEAD_VERBS)})")


def full_text(phrase: str) -> str:
    """An indicator as printed, less a place that is the subject of its verb and the means it
    opens with (全国共引进…, 河南已建成…, 通过各种形式): what the gold's full_text keeps. A place
    that qualifies a noun stays (全国城乡新增电话).

    >>> full_text("全国共引进国外技术"), full_text("河南已建成沿黄生态廊道"), full_text("全国通过各种形式使用国外贷款")
    ('引进国外技术', '已建成沿黄生态廊道', '使用国外贷款')
    >>> full_text("全国城乡新增电话")
    '全国城乡新增电话'
    """
    s = phrase
    while s[:1] in _LEAD_FIRST:
        m = PLACE_SUBJECT.match(s)
        if m is None and s.startswith(("共", *L.MEANS)):
            m = PLACE_HEAD.match(s)
        if m is None or not m.group(0):
            return s
        s = s[m.end():]
    return s


def head_text(full: str) -> str:
    """The indicator head: without geography, leading verbs and what comes before an action verb.

    >>> head_text("河南全省有拖拉机"), head_text("获得国家重点研发计划立项"), head_text("有色金属冶炼和压延加工业")
    ('拖拉机', '国家重点研发计划立项', '有色金属冶炼和压延加工业')
    >>> head_text("新能源汽车"), head_text("全国城镇新增就业"), head_text("工业企业实现出口交货值")
    ('新能源汽车', '城镇新增就业', '出口交货值')
    >>> head_text("全国通过各种形式使用国外贷款"), head_text("河南已建成沿黄生态廊道")
    ('国外贷款', '沿黄生态廊道')
    """
    s = full
    if HEAD_VERB_HINT.search(s):
        last = None
        for last in HEAD_VERB_AT.finditer(s):
            pass
        if last is not None and last.end() < len(s):
            s = s[last.end():]
    while s[:1] in _LEAD_FIRST:
        m = LEAD_HEAD.match(s)
        if not m or not m.group(0):
            return s
        s = s[m.end():]
    return s
