#!/usr/bin/env python
"""Search benchmark: a corpus of Chinese government documents spread over many sites, three ways to search it.

    DATABASE_URL=postgres://user@host:5432/portalhub_bench .venv/bin/python bench/search.py
    .venv/bin/python bench/search.py --docs 5000 --sites 10        # quick run, SQLite in a temp file

Builds N documents (default 100,000) over M sites (default 50) in an empty database (pages are
bulk-inserted with tree paths computed here, so only the search index is timed), then for the
site group's segmenting backend (hub.search), for stock Wagtail database search and for a plain
icontains scan, in the same run, prints: indexing throughput, p50/p95 latency of the top ten results
for site-scoped and all-sites queries, and recall@10 on known-item queries (each written for one
document the way a visitor remembers it: a compact title fragment, a few keywords, a phrase from the
text, or a document number). The segmenting backend's full result page (count, facets, excerpts,
best bets, exact lookup) is timed as well. --reuse-corpus keeps a corpus built by an earlier run.
"""

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 20240601
CHUNK = 1000

PLACES = ["克州", "阿图什市", "阿克陶县", "阿合奇县", "乌恰县"]
TOWNSHIPS = [
    "上阿图什镇",
    "松他克镇",
    "阿湖乡",
    "阿扎克乡",
    "格达良乡",
    "哈拉峻乡",
    "吐古买提乡",
    "阿克陶镇",
    "奥依塔克镇",
    "玉麦乡",
    "皮拉勒乡",
    "巴仁乡",
    "加马铁力克乡",
    "木吉乡",
    "布伦口乡",
    "恰尔隆乡",
    "库斯拉甫乡",
    "克孜勒陶乡",
    "阿合奇镇",
    "库兰萨日克乡",
    "色帕巴依乡",
    "苏木塔什乡",
    "哈拉奇乡",
    "哈拉布拉克乡",
    "乌恰镇",
    "康苏镇",
    "黑孜苇乡",
    "吉根乡",
    "托云乡",
    "铁列克乡",
    "波斯坦铁列克乡",
    "膘尔托阔依乡",
    "乌鲁克恰提乡",
    "巴音库鲁提乡",
    "吾合沙鲁乡",
    "光明路街道",
    "幸福路街道",
    "新城街道",
]
DEPARTMENTS = [
    ("教育局", "克教发"),
    ("财政局", "克财发"),
    ("民政局", "克民发"),
    ("公安局", "克公发"),
    ("司法局", "克司发"),
    ("人力资源和社会保障局", "克人社发"),
    ("自然资源局", "克自然资发"),
    ("生态环境局", "克环发"),
    ("住房和城乡建设局", "克建发"),
    ("交通运输局", "克交发"),
    ("水利局", "克水发"),
    ("农业农村局", "克农发"),
    ("商务局", "克商发"),
    ("文化体育广播电视和旅游局", "克文旅发"),
    ("卫生健康委员会", "克卫健发"),
    ("退役军人事务局", "克退役发"),
    ("应急管理局", "克应急发"),
    ("审计局", "克审发"),
    ("统计局", "克统发"),
    ("市场监督管理局", "克市监发"),
    ("林业和草原局", "克林草发"),
    ("医疗保障局", "克医保发"),
    ("乡村振兴局", "克乡振发"),
    ("信访局", "克信访发"),
    ("发展和改革委员会", "克发改发"),
    ("科学技术局", "克科发"),
    ("工业和信息化局", "克工信发"),
    ("民族宗教事务委员会", "克民宗发"),
    ("外事办公室", "克外办发"),
    ("国有资产监督管理委员会", "克国资发"),
    ("粮食和物资储备局", "克粮发"),
    ("气象局", "克气发"),
    ("税务局", "克税发"),
    ("档案馆", "克档发"),
    ("残疾人联合会", "克残联发"),
    ("总工会", "克工发"),
    ("妇联", "克妇发"),
    ("团委", "克团发"),
    ("红十字会", "克红发"),
    ("融媒体中心", "克融发"),
    ("疾病预防控制中心", "克疾控发"),
    ("人民医院", "克医发"),
    ("政务服务和公共资源交易中心", "克政服发"),
    ("阿图什市人民政府", "阿市政发"),
    ("阿克陶县人民政府", "阿县政发"),
    ("阿合奇县人民政府", "合政发"),
    ("乌恰县人民政府", "乌政发"),
    ("州政府办公室", "克政办发"),
    ("州人民政府", "克政发"),
]
TOPICS = [
    "春季学期开学",
    "秋季学期开学",
    "义务教育薄弱环节改善",
    "学前教育普及",
    "国家通用语言文字推广",
    "控辍保学",
    "高校毕业生就业创业",
    "农民工工资支付",
    "职业技能培训",
    "转移就业",
    "城乡居民医保参保缴费",
    "家庭医生签约服务",
    "城乡居民基本养老保险",
    "最低生活保障资金发放",
    "特困供养",
    "临时救助",
    "残疾人两项补贴发放",
    "退役军人优待证申领",
    "冬季供暖保障",
    "城镇老旧小区改造",
    "城市供热管网改造",
    "污水处理厂提标改造",
    "农村公路建设",
    "农村饮水安全",
    "高标准农田建设",
    "冬小麦播种",
    "棉花目标价格补贴",
    "设施农业建设",
    "庭院经济发展",
    "畜牧业高质量发展",
    "牲畜口蹄疫防控",
    "农作物病虫害防治",
    "草原生态保护补助奖励",
    "退耕还林",
    "护林员选聘",
    "森林草原防火",
    "易地扶贫搬迁后续扶持",
    "乡村振兴衔接资金",
    "巩固拓展脱贫攻坚成果",
    "边境小康村建设",
    "护边员管理",
    "农村人居环境整治提升",
    "厕所革命",
    "安居富民工程",
    "耕地保护",
    "国土空间规划",
    "地质灾害隐患排查",
    "防汛抗旱应急演练",
    "安全生产大检查",
    "食品安全抽检",
    "药品安全专项整治",
    "防范电信网络诈骗",
    "扫黑除恶常态化",
    "平安建设",
    "法治政府建设",
    "营商环境优化",
    "政务服务事项清单",
    "行政许可事项目录",
    "双随机一公开抽查",
    "政府信息公开工作年度报告",
    "部门预算公开",
    "三公经费决算",
    "政府采购意向公开",
    "民族团结进步创建",
    "民族团结一家亲活动",
    "铸牢中华民族共同体意识",
    "全民健身运动会",
    "玛纳斯文化节",
    "无花果采摘节",
    "帕米尔高原旅游推介",
    "口岸通关便利化",
    "边民互市贸易",
    "对口援疆项目",
    "江西援疆干部人才",
    "大气污染防治",
    "河湖长制",
    "林长制",
    "水资源税改革",
    "统计执法检查",
    "第五次全国经济普查",
    "审计整改",
    "国有资产清查",
    "粮食收购",
    "储备物资轮换",
    "气象灾害预警",
    "人工增雨作业",
    "档案数字化",
    "红十字应急救护培训",
    "职工互助保障",
    "妇女两癌筛查",
    "青年志愿服务",
    "融媒体矩阵建设",
    "传染病疫情防控",
    "健康教育进乡村",
    "医疗服务能力提升",
    "政务服务一网通办",
    "公共资源交易平台建设",
]
ACTIONS = [
    ("关于", "的通知", "通知"),
    ("关于", "的公告", "公告"),
    ("", "实施方案", "实施方案"),
    ("关于", "情况的通报", "通报"),
    ("", "工作要点", "工作要点"),
    ("关于", "的公示", "公示"),
    ("关于", "的实施意见", "实施意见"),
    ("", "管理办法", "管理办法"),
]
NEWS_VERBS = [
    "召开{topic}推进会",
    "部署{topic}工作",
    "开展{topic}专项行动",
    "举办{topic}培训班",
    "督导检查{topic}工作",
    "召开{topic}工作会议",
]
FILLER = [
    "会议强调，要提高政治站位，压实工作责任，确保各项任务落到实处。",
    "各乡镇、各部门要加强协调配合，形成工作合力，及时报送工作进展情况。",
    "要坚持以人民为中心的发展思想，切实解决群众急难愁盼问题。",
    "请各单位结合实际认真贯彻落实，执行中遇到的问题请及时反馈。",
    "本通知自印发之日起施行，由主管部门负责解释。",
    "要加大宣传力度，营造全社会共同参与的良好氛围。",
    "对工作中发现的问题，要建立台账，明确整改时限，做到立行立改。",
    "联系电话：0908-4221234，联系人：办公室。",
]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the corpus (default 100000)")
    parser.add_argument("--sites", type=int, default=50, help="sites the documents are spread over (default 50)")
    parser.add_argument("--queries", type=int, default=400, help="known-item queries (default 400)")
    parser.add_argument(
        "--icontains-queries", type=int, default=100, help="how many of the queries the slow scan runs (default 100)"
    )
    parser.add_argument("--reuse-corpus", action="store_true", help="keep the corpus an earlier run built")
    parser.add_argument("--skip-stock", action="store_true", help="do not index and query with stock search")
    parser.add_argument("--reuse-index", action="store_true", help="with --reuse-corpus: keep hub.search's index")
    return parser.parse_args()


def setup_django(reuse):
    if not os.environ.get("DATABASE_URL"):
        path = Path(tempfile.gettempdir()) / "portalhub-search-bench.sqlite3"
        if not reuse:
            path.unlink(missing_ok=True)  # a fresh corpus needs an empty database
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


# Corpus --------------------------------------------------------------------------------------


def make_documents(n_docs, n_sites, rng):
    """Deterministic document specs: (site number, kind, title, body paragraphs, facts for queries)."""
    docs = []
    for number in range(n_docs):
        site = number % n_sites
        department, prefix = DEPARTMENTS[site % len(DEPARTMENTS)]
        place = PLACES[rng.randrange(len(PLACES))]
        township = TOWNSHIPS[rng.randrange(len(TOWNSHIPS))]
        topic = TOPICS[rng.randrange(len(TOPICS))]
        year = 2015 + rng.randrange(10)
        date = datetime.date(year, 1 + rng.randrange(12), 1 + rng.randrange(28))
        households, people, funds = 20 + rng.randrange(900), 100 + rng.randrange(4000), 10 + rng.randrange(9000)
        is_document = rng.random() < 0.35
        serial = 1 + rng.randrange(150)
        document_number = f"{prefix}〔{year}〕{serial}号"
        if is_document:
            before, after, core = ACTIONS[rng.randrange(len(ACTIONS))]
            title = f"{place}{department}{before}{year}年{topic}{after}"
        else:
            core = ""
            verb = NEWS_VERBS[rng.randrange(len(NEWS_VERBS))].format(topic=topic)
            title = f"{place}{department}{verb}"
        paragraphs = [
            f"为做好{year}年{topic}工作，根据上级有关要求，结合{place}实际，{department}制定本文件。",
            f"{township}{topic}项目共惠及{households}户{people}人，累计投入资金{funds}万元。",
            rng.choice(FILLER),
            f"{department}将会同{PLACES[rng.randrange(len(PLACES))]}有关部门，做好{rng.choice(TOPICS)}等工作。",
            rng.choice(FILLER),
            rng.choice(FILLER),
        ]
        if is_document:
            paragraphs.insert(0, f"各乡（镇）人民政府，各有关单位：现将《{title}》（{document_number}）印发给你们。")
        docs.append(
            {
                "number": number,
                "site": site,
                "document": is_document,
                "title": title,
                "date": date,
                "paragraphs": paragraphs,
                "document_number": document_number if is_document else "",
                "facts": {
                    "place": place,
                    "township": township,
                    "topic": topic,
                    "year": year,
                    "core": core,
                    "department": department,
                    "households": households,
                },
            }
        )
    return docs


def known_item_query(doc, form):
    """A query a visitor might type to find this very document again."""
    facts = doc["facts"]
    if form == 0:  # a compact fragment of the title, as remembered
        if doc["document"]:
            return f"{facts['place']}{facts['year']}年{facts['topic']}{facts['core']}"
        return f"{facts['place']}{facts['department']}{facts['topic']}"
    if form == 1:  # a few keywords
        return f"{facts['department']} {facts['topic']} {facts['year']}"
    if form == 2:  # a phrase from the text
        return f"{facts['township']}{facts['topic']} {facts['households']}户"
    return doc["document_number"] or f"{facts['township']}{facts['topic']}项目 {facts['year']}"


def build_corpus(docs, n_sites):
    """Onboard the sites, then bulk-insert the pages under their columns (no signals, no indexing)."""
    from django.db import connection, transaction
    from wagtail.models import Locale, Page
    from wagtail.rich_text import RichText

    from hub.taxonomy.models import Subject
    from hub.tenancy.onboarding import onboard_site
    from sites.common.models import ArticlePage, GovernmentDocumentPage

    departments = []
    for site in range(n_sites):
        name, _prefix = DEPARTMENTS[site % len(DEPARTMENTS)]
        kind = "portal" if site == 0 else "department"
        code = "bench-portal" if site == 0 else f"bench{site:03d}"
        label = f"克州{name}" if site < len(DEPARTMENTS) else f"克州{name}（{site}）"
        department = onboard_site(
            code=code, name=f"{label}网站", hostname=f"{code}.localhost", short_name=label, kind=kind
        ).department
        departments.append(department)
    locale = Locale.get_default()
    columns = {}
    for department in departments:
        root = department.site.root_page
        news = root.get_children().filter(slug__in=["gzdt", "zwxx"]).first()
        documents = Page.objects.descendant_of(root).filter(slug__in=["zcwj"]).first()
        columns[department.pk] = (news.specific, documents.specific)

    subjects = list(Subject.objects.values_list("pk", flat=True))
    next_child = {}
    article_ct = ArticlePage().content_type_id
    document_ct = GovernmentDocumentPage().content_type_id
    rng = random.Random(SEED + 1)
    start = time.perf_counter()
    for offset in range(0, len(docs), CHUNK):
        batch = docs[offset : offset + CHUNK]
        pages, children = [], []
        for doc in batch:
            department = departments[doc["site"]]
            parent = columns[department.pk][1 if doc["document"] else 0]
            if parent.pk not in next_child:
                last = parent.get_last_child()
                next_child[parent.pk] = (int(last.path[-Page.steplen :], 36) if last else 0) + 1
            serial = next_child[parent.pk]
            next_child[parent.pk] += 1
            slug = f"d{doc['number']}"
            published = datetime.datetime.combine(doc["date"], datetime.time(10, 0), tzinfo=datetime.UTC)
            page = Page(
                title=doc["title"],
                draft_title=doc["title"],
                slug=slug,
                path=parent.path + _encode(serial),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                content_type_id=document_ct if doc["document"] else article_ct,
                locale=locale,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
            )
            pages.append(page)
            body = [("paragraph", RichText("".join(f"<p>{text}</p>" for text in doc["paragraphs"])))]
            fields = {"date": doc["date"], "subject_id": rng.choice(subjects), "body": body}
            if doc["document"]:
                children.append(
                    GovernmentDocumentPage(
                        issuing_authority=department.name,
                        document_number=doc["document_number"],
                        index_number=f"{department.org_code}/{doc['date'].year}-{doc['number']:05d}",
                        written_date=doc["date"],
                        **fields,
                    )
                )
            else:
                children.append(ArticlePage(kind="news", source=department.short_name, **fields))
        with transaction.atomic():
            created = Page.objects.bulk_create(pages)
            by_model = {}
            for page, child in zip(created, children, strict=True):
                child.page_ptr_id = page.pk
                child.id = page.pk
                by_model.setdefault(type(child), []).append(child)
            for model, objs in by_model.items():
                fields = [f for f in model._meta.local_concrete_fields]
                model._base_manager._insert(objs, fields=fields, using=connection.alias)
        for doc, page in zip(batch, created, strict=True):
            doc["pk"] = page.pk
        print(f"  corpus {offset + len(batch):>7,}/{len(docs):,}", end="\r", file=sys.stderr, flush=True)
    for department in departments:
        for column in columns[department.pk]:
            Page.objects.filter(pk=column.pk).update(numchild=Page.objects.child_of(column).count())
    print(f"  corpus {len(docs):,} documents inserted in {time.perf_counter() - start:.0f} s")
    return departments


def _encode(number, width=4):
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = alphabet[rest] + digits
    return digits.rjust(width, "0")


def attach_existing(docs):
    """--reuse-corpus: find each document's page again by its slug; the bench sites in order."""
    from wagtail.models import Page

    from hub.tenancy.models import Department

    ids = dict(Page.objects.filter(slug__startswith="d", depth__gt=3).values_list("slug", "pk"))
    for doc in docs:
        doc["pk"] = ids[f"d{doc['number']}"]
    departments = list(Department.objects.filter(code__startswith="bench").order_by("code"))
    portal = [d for d in departments if d.code == "bench-portal"]
    return portal + [d for d in departments if d.code != "bench-portal"]


# Measuring ----------------------------------------------------------------------------------


def index_corpus(backend_path, docs):
    """Index every corpus page with a backend the way update_index does; documents per second."""
    from modelsearch.backends import get_search_backend

    from sites.common.models import ArticlePage, GovernmentDocumentPage

    backend = get_search_backend(backend_path)
    index = backend.get_index_for_model(ArticlePage)
    index.reset()
    from django.db import connection

    if connection.vendor == "postgresql":  # start from an empty table and fresh indexes, as a first run would
        with connection.cursor() as cursor:
            cursor.execute("VACUUM FULL wagtailsearch_indexentry")
    start = time.perf_counter()
    done = 0
    for model in (ArticlePage, GovernmentDocumentPage):
        last = 0
        while True:
            chunk = list(model.objects.filter(pk__gt=last).order_by("pk")[:CHUNK])
            if not chunk:
                break
            index.add_items(model, chunk)
            last = chunk[-1].pk
            done += len(chunk)
            elapsed = time.perf_counter() - start
            print(
                f"  indexing {done:>7,}/{len(docs):,}  {done / elapsed:,.0f} docs/s",
                end="\r",
                file=sys.stderr,
                flush=True,
            )
    index._refresh_title_norms(full=True)
    elapsed = time.perf_counter() - start
    print(" " * 60, end="\r", file=sys.stderr)
    return done / elapsed, elapsed


def analyse(connection):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def base_pages(departments):
    from wagtail.models import Locale, Page

    from hub.tenancy.scoping import pages_q

    return Page.objects.live().public().filter(locale=Locale.get_default()).filter(pages_q(departments))


def time_queries(queries, run):
    """Run each query once to warm up, then time it; returns (latencies in ms, recall@10)."""
    for query in queries[: min(20, len(queries))]:
        run(query)
    latencies, found = [], 0
    for query in queries:
        start = time.perf_counter()
        top = run(query)
        latencies.append((time.perf_counter() - start) * 1000)
        found += query["pk"] in top
    return latencies, found / len(queries)


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(fraction * (len(values) - 1))))]


def icontains_top(pages, text):
    from django.db.models import Q

    condition = Q()
    for term in text.split():
        condition &= (
            Q(title__icontains=term)
            | Q(articlepage__body__icontains=term)
            | Q(governmentdocumentpage__body__icontains=term)
            | Q(governmentdocumentpage__document_number__icontains=term)
        )
    return list(pages.filter(condition).order_by("-first_published_at", "-id").values_list("pk", flat=True)[:10])


def measure(name, queries, departments, search_top):
    scoped = {}
    for department in departments:
        scoped[department.pk] = base_pages([department])
    everywhere = base_pages(departments)
    site_latency, site_recall = time_queries(queries, lambda q: search_top(scoped[q["department"]], q["text"]))
    all_latency, all_recall = time_queries(queries, lambda q: search_top(everywhere, q["text"]))
    return {
        "name": name,
        "site_p50": percentile(site_latency, 0.5),
        "site_p95": percentile(site_latency, 0.95),
        "all_p50": percentile(all_latency, 0.5),
        "all_p95": percentile(all_latency, 0.95),
        "site_recall": site_recall,
        "all_recall": all_recall,
    }


def measure_service(queries, departments):
    """The segmenting backend's whole result page (count, facets, excerpts, best bets, exact lookup, hot list)."""
    from hub.search.service import Audience, SearchParams, search

    by_pk = {d.pk: d for d in departments}
    latencies = {"site": [], "all": []}
    for scope in ("site", "all"):
        for number, query in enumerate(queries):
            audience = Audience(department=by_pk[query["department"]], language="zh-hans")
            params = SearchParams(query=query["text"], scope=scope)
            start = time.perf_counter()
            search(params, audience, log=False)
            if number >= 10:  # the first ten warm up
                latencies[scope].append((time.perf_counter() - start) * 1000)
    return {scope: (percentile(values, 0.5), percentile(values, 0.95)) for scope, values in latencies.items()}


def main():
    args = arguments()
    setup_django(args.reuse_corpus)
    from django.db import connection

    rng = random.Random(SEED)
    docs = make_documents(args.docs, args.sites, rng)
    vendor = connection.vendor
    version = connection.cursor().connection.server_version if vendor == "postgresql" else None
    db_label = (
        f"PostgreSQL {version // 10000}.{version % 10000}"
        if version
        else f"SQLite {connection.Database.sqlite_version}"
    )
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"Search benchmark: {len(docs):,} documents over {args.sites} sites on {db_label}, "
        f"{os.cpu_count()} cores, load average {load}"
    )

    from wagtail.models import Page

    if args.reuse_corpus and Page.objects.filter(slug="d0").exists():
        departments = attach_existing(docs)
        print("  corpus reused")
    else:
        if Page.objects.filter(depth__gt=1).exists():
            sys.exit("The database is not empty; use a fresh database or --reuse-corpus.")
        departments = build_corpus(docs, args.sites)
    analyse(connection)

    query_rng = random.Random(SEED + 2)
    sample = query_rng.sample(docs, min(args.queries, len(docs)))
    queries = [
        {"text": known_item_query(doc, number % 4), "pk": doc["pk"], "department": departments[doc["site"]].pk}
        for number, doc in enumerate(sample)
    ]

    def backend_top(backend):
        return lambda pages, text: [page.pk for page in pages.search(text, backend=backend)[:10]]

    print(f"{'':26}{'index':>12}{'site-scoped (ms)':>20}{'all sites (ms)':>20}{'recall@10':>22}")
    print(f"{'':26}{'docs/s':>12}{'p50':>10}{'p95':>10}{'p50':>10}{'p95':>10}{'site':>11}{'all':>11}")

    # Stock first: both backends write the same table, and the run leaves it indexed by hub.search.
    rows = {}
    if not args.skip_stock:
        stock = "wagtail.search.backends.database"
        rate = index_corpus(stock, docs)[0]
        analyse(connection)
        rows["stock"] = print_row(measure("Wagtail database search", queries, departments, backend_top(stock)), rate)
    rate = None if args.reuse_index else index_corpus("default", docs)[0]
    analyse(connection)
    rows["hub"] = print_row(measure("hub.search (rjieba)", queries, departments, backend_top("default")), rate)
    service = measure_service(queries[:100], departments)
    size = index_size(connection)
    scan = measure("icontains scan", queries[: args.icontains_queries], departments, icontains_top)
    rows["scan"] = print_row(scan, None)
    print_ratios(rows)

    print()
    print(
        f"{len(queries)} known-item queries ({min(args.icontains_queries, len(queries))} for the icontains scan), e.g. "
        + "; ".join(q["text"] for q in queries[:4])
    )
    print(
        "hub.search full result page (count, facets, excerpts, best bets, exact lookup), 100 queries: "
        f"site p50 {service['site'][0]:.1f} / p95 {service['site'][1]:.1f} ms, "
        f"all sites p50 {service['all'][0]:.1f} / p95 {service['all'][1]:.1f} ms"
    )
    if size:
        print(f"index size with hub.search: {size}")
    if vendor == "sqlite":
        print("note: on SQLite StreamField bodies are stored as escaped JSON, so icontains sees titles and 文号 only")
    print("load average at the end: " + " ".join(f"{value:.1f}" for value in os.getloadavg()))


def print_row(row, rate):
    shown = f"{rate:,.0f}" if rate else "—"
    print(
        f"{row['name']:26}{shown:>12}{row['site_p50']:>10.1f}{row['site_p95']:>10.1f}"
        f"{row['all_p50']:>10.1f}{row['all_p95']:>10.1f}{row['site_recall']:>11.3f}{row['all_recall']:>11.3f}",
        flush=True,
    )
    return {**row, "rate": rate}


def print_ratios(rows):
    """hub.search against each baseline of the same run: speed-ups (baseline ÷ hub.search) and recall."""
    ours = rows["hub"]
    print()
    for key, label in (("stock", "stock Wagtail search"), ("scan", "the icontains scan")):
        base = rows.get(key)
        if base is None:
            continue
        parts = []
        if base["rate"] and ours["rate"]:
            parts.append(f"indexing ×{ours['rate'] / base['rate']:.1f}")
        for scope in ("site", "all"):
            mine, theirs = ours[scope + "_p95"], base[scope + "_p95"]
            speed = f"{theirs / mine:.1f}× faster" if theirs >= mine else f"{mine / theirs:.1f}× slower"
            parts.append(f"{scope} p95 {mine:.1f} vs {theirs:.1f} ms ({speed})")
        parts.append(f"recall@10 {ours['all_recall']:.3f} vs {base['all_recall']:.3f}")
        print(f"hub.search against {label}: " + ", ".join(parts))


def index_size(connection):
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('wagtailsearch_indexentry'))")
        return cursor.fetchone()[0]


if __name__ == "__main__":
    main()
