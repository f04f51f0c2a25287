"""The shared subject classification (主题分类) every tenant's documents and articles use."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The standard top-level categories of the government information-disclosure subject classification.
STANDARD_SUBJECTS = [
    ("01", "国务院组织机构"),
    ("02", "综合政务"),
    ("03", "国民经济管理、国有资产监管"),
    ("04", "财政、金融、审计"),
    ("05", "国土资源、能源"),
    ("06", "农业、林业、水利"),
    ("07", "工业、交通"),
    ("08", "商贸、海关、旅游"),
    ("09", "市场监管、安全生产监管"),
    ("10", "城乡建设、环境保护"),
    ("11", "科技、教育"),
    ("12", "文化、广电、新闻出版"),
    ("13", "卫生、体育"),
    ("14", "人口与计划生育、妇女儿童工作"),
    ("15", "劳动、人事、监察"),
    ("16", "公安、安全、司法"),
    ("17", "民政、扶贫、救灾"),
    ("18", "民族、宗教"),
    ("19", "对外事务"),
    ("20", "港澳台侨工作"),
    ("21", "国防"),
    ("22", "其他"),
]


class Subject(models.Model):
    """A category of 主题分类; shared by every tenant, edited by the central admin only."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("subject (主题分类)")
        verbose_name_plural = _("subjects (主题分类)")

    def __str__(self):
        return self.name
