"""Article texts of the sample e-paper days (written for pressroom; not copied from any paper)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SampleArticle:
    title: str
    paragraphs: list[str]
    pre_title: str = ""
    subtitle: str = ""
    byline: str = ""
    subheadings: frozenset[int] = field(default_factory=frozenset)
    caption: str = ""


ARTICLES: list[SampleArticle] = [
    SampleArticle(
        title="前两月规模以上工业增加值同比增长7.0%",
        pre_title="国民经济开局良好",
        byline="本报记者  王  浩",
        paragraphs=[
            "本报北京3月18日电  国家统计局18日发布数据，今年1—2月份，规模以上工业增加值同比增长7.0%，比上年12月份加快0.2个百分点。",
            "分三大门类看，采矿业增加值同比增长2.3%，制造业增长7.7%，电力、热力、燃气及水生产和供应业增长7.9%。",
            "国家统计局新闻发言人表示，下一步要继续巩固和增强经济回升向好态势。",
        ],
    ),
    SampleArticle(
        title="消费市场稳步恢复",
        subtitle="社会消费品零售总额同比增长5.5%",
        byline="本报记者  李晓明",
        paragraphs=[
            "前两个月，社会消费品零售总额81307亿元，同比增长5.5%。",
            "服务消费较快增长",
            "服务零售额同比增长12.3%，快于同期商品零售额增速。",
            "商务部有关负责人表示，将继续办好系列促消费活动，推动消费潜力持续释放。",
        ],
        subheadings=frozenset({1}),
    ),
    SampleArticle(
        title="图片报道",
        paragraphs=["春耕时节，各地农民抢抓农时开展生产，田间地头一派忙碌景象。"],
        caption="江苏省某地农民驾驶农机在田间作业。 本报记者  张  伟摄",
    ),
    SampleArticle(
        title="外贸进出口实现良好开局",
        pre_title="海关总署发布数据",
        byline="本报记者  陈  曦",
        paragraphs=[
            "据海关统计，今年前2个月，我国货物贸易进出口总值6.61万亿元，同比增长8.7%。",
            "其中，出口3.75万亿元，增长10.3%；进口2.86万亿元，增长6.7%。",
            "海关总署有关负责人介绍，将持续提升贸易便利化水平，助力外贸稳规模优结构。",
        ],
    ),
    SampleArticle(
        title="加快发展新质生产力",
        byline="本报评论员",
        paragraphs=[
            "发展新质生产力是推动高质量发展的内在要求和重要着力点。",
            "着力推动科技创新",
            "要以科技创新引领产业创新，积极培育新兴产业和未来产业。",
            "着力深化改革开放",
            "要进一步全面深化改革，形成与之相适应的新型生产关系。",
        ],
        subheadings=frozenset({1, 3}),
    ),
    SampleArticle(
        title="全国铁路发送旅客同比增长",
        byline="本报记者  刘  洋",
        paragraphs=[
            "记者从国铁集团获悉，今年以来全国铁路累计发送旅客超过6亿人次，同比增长约15%。",
            "铁路部门将持续优化运输组织，满足旅客出行需求。",
        ],
    ),
]
