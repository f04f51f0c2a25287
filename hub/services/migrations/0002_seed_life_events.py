"""The life events (主题服务) of the national government service platform, for individuals and organisations."""

from django.db import migrations

EVENTS = [
    ("individual", "shengyu", "生育收养"),
    ("individual", "huji", "户籍办理"),
    ("individual", "jiaoyu", "教育科研"),
    ("individual", "jiuye", "就业创业"),
    ("individual", "shebao", "社会保障"),
    ("individual", "yiliao", "医疗卫生"),
    ("individual", "zhufang", "住房保障"),
    ("individual", "hunyin", "婚姻登记"),
    ("individual", "jiaotong", "交通出行"),
    ("individual", "churujing", "出入境"),
    ("individual", "canji", "残疾人服务"),
    ("individual", "yanglao", "养老服务"),
    ("individual", "junren", "退役军人"),
    ("individual", "shenhou", "死亡殡葬"),
    ("organisation", "kaiban", "设立变更"),
    ("organisation", "zhunying", "准营准办"),
    ("organisation", "zizhi", "资质认证"),
    ("organisation", "gongcheng", "工程建设"),
    ("organisation", "nashui", "税费办理"),
    ("organisation", "renli", "人力资源"),
    ("organisation", "wenhua", "文化旅游"),
    ("organisation", "yiliaojigou", "医疗机构"),
    ("organisation", "zhuxiao", "破产注销"),
]


def seed(apps, schema_editor):
    LifeEvent = apps.get_model("services", "LifeEvent")
    for order, (audience, slug, name) in enumerate(EVENTS, start=1):
        LifeEvent.objects.update_or_create(
            slug=slug, defaults={"name": name, "audience": audience, "sort_order": order * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("services", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
