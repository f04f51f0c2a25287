# A column's kind (栏目类型) decides which page types it accepts. Existing columns of the standard column
# plan get the plan's kind by their slug path under the site root (every language version of a column has
# the same slugs); every other column stays general (综合栏目), which accepts what columns accepted before.

from django.db import migrations, models

# The standard column plan's kinds by slug path, as column_plan.json gave them when kinds were introduced.
PLAN_KINDS = {
    "gzdt": "news",
    "zwxx": "news",
    "tzgg": "notices",
    "zfwj": "documents",
    "ldjh": "speeches",
    "xxgk": "disclosure",
    "xxgk/jgzn": "functions",
    "xxgk/zcwj": "documents",
    "xxgk/rsxx": "personnel",
    "xxgk/rsrm": "personnel",
    "xxgk/ghjh": "documents",
    "zjkz": "pages",
    "bsfw": "services",
    "hdjl": "interaction",
    "hdjl/zzxx": "interaction",
    "gywm": "about",
}


def kinds_from_plan(apps, schema_editor):
    ColumnIndexPage = apps.get_model("common", "ColumnIndexPage")
    for column in ColumnIndexPage.objects.filter(depth__gte=3).only("pk", "url_path"):
        slugs = column.url_path.strip("/").split("/")[1:]
        kind = PLAN_KINDS.get("/".join(slugs))
        if kind:
            ColumnIndexPage.objects.filter(pk=column.pk).update(column_kind=kind)


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0006_function_page_functions_from_the_directory"),
    ]

    operations = [
        migrations.AddField(
            model_name="columnindexpage",
            name="column_kind",
            field=models.CharField(
                choices=[
                    ("general", "综合栏目"),
                    ("news", "新闻动态栏目"),
                    ("notices", "通知公告栏目"),
                    ("documents", "政府文件栏目"),
                    ("speeches", "领导讲话栏目"),
                    ("leaders", "领导之窗栏目"),
                    ("functions", "机构职能栏目"),
                    ("personnel", "人事信息栏目"),
                    ("disclosure", "政府信息公开栏目"),
                    ("services", "办事服务栏目"),
                    ("interaction", "互动交流栏目"),
                    ("about", "关于我们栏目"),
                    ("pages", "介绍页面栏目"),
                    ("topics", "专题专栏"),
                ],
                default="general",
                help_text="决定本栏目下可以添加哪些类型的页面。",
                max_length=20,
                verbose_name="栏目类型",
            ),
        ),
        migrations.RunPython(kinds_from_plan, migrations.RunPython.noop),
    ]
