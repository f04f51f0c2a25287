"""The forms of 子站管理 (central admins) and of 本站信息 (a tenant's webmasters)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList

from .choices import LimitedAdminModelForm
from .models import Department
from .onboarding import PUBLIC_REQUIREMENTS, validate_address
from .site_info import SITE_INFO_FIELDS

REQUIRED_FOR_PUBLIC = {name for name, _label in PUBLIC_REQUIREMENTS}
PUBLIC_HELP = _("上线前必填：未填写时站点保持下线。")


def port_field():
    return forms.IntegerField(
        label=_("端口"),
        min_value=1,
        max_value=65535,
        help_text=_("站点对外服务的端口：正式环境一般为 80，开发服务器为 8000；默认为打开本页时所用的端口。"),
    )


def _field(name, help_text=None):
    """A field panel; the fields a site must show before it goes online say so."""
    if help_text is None and name in REQUIRED_FOR_PUBLIC:
        help_text = PUBLIC_HELP
    return FieldPanel(name, help_text=help_text) if help_text else FieldPanel(name)


def contact_section():
    return MultiFieldPanel(
        [
            _field("address"),
            FieldRowPanel([_field("postcode"), _field("phone")]),
            FieldRowPanel([_field("email"), _field("office_hours")]),
        ],
        heading=_("联系我们（显示在每页页脚和联系我们页面）"),
    )


def footer_section():
    return MultiFieldPanel(
        [
            _field("sponsor", _("网站的主办单位，通常是部门全称。上线前必填。")),
            _field("organizer", _("承办网站的单位，如州电子政务中心。")),
            FieldRowPanel(
                [
                    _field("site_identifier", _("政府网站标识码（10 位）。上线前必填。")),
                    _field("icp_number", _("如：新ICP备05002301号-1。上线前必填。")),
                ]
            ),
            _field("police_record_number"),
            _field("party_gov_label_url"),
        ],
        heading=_("页脚标识（政府网站必须展示）"),
    )


class OnboardingForm(LimitedAdminModelForm):
    """What a central admin types to onboard a subsite; everything else is created for them.

    Clashes with other tenants are found by onboard_site(), whose messages name the field.
    """

    port = port_field()

    class Meta:
        model = Department
        fields = [
            "code",
            "name",
            "short_name",
            "kind",
            "org_code",
            "hostname",
            "theme_variant",
            "sort_order",
            *(name for name, _label in PUBLIC_REQUIREMENTS),
            "postcode",
            "office_hours",
            "police_record_number",
            "organizer",
            "party_gov_label_url",
        ]

    def validate_unique(self):
        """onboard_site() checks code, name and hostname against every tenant, naming who holds them."""


class SubsiteEditForm(LimitedAdminModelForm):
    """A tenant's record as the central admin edits it; code and kind stay as onboarded."""

    port = port_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial.setdefault("port", self.instance.site.port)

    def validate_unique(self):
        # The hostname is checked with the site's port (validate_address), with a message naming its holder.
        exclude = self._get_validation_exclusions() | {"hostname"}
        try:
            self.instance.validate_unique(exclude=exclude)
        except ValidationError as exc:
            self._update_errors(exc)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hostname") and cleaned.get("port"):
            try:
                validate_address(self.instance, hostname=cleaned["hostname"], port=cleaned["port"])
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    self.add_error(field, errors)
        return cleaned


ONBOARDING_PANELS = ObjectList(
    [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel(
                            "code",
                            help_text=_(
                                "子站代码：2–30 位小写字母、数字或连字符，以字母开头，如 jyj；建成后不能更改。"
                            ),
                        ),
                        FieldPanel("kind", help_text=_("州门户网站只有一个；其余都是部门网站。")),
                    ]
                ),
                FieldPanel("name", help_text=_("单位全称，如：克孜勒苏柯尔克孜自治州教育局。")),
                FieldRowPanel(
                    [
                        FieldPanel("short_name", help_text=_("部门导航栏中显示的简称，如：教育局。")),
                        FieldPanel("sort_order", help_text=_("在门户的部门网站导航中的顺序，数字小的在前。")),
                    ]
                ),
                FieldPanel("org_code"),
            ],
            heading=_("基本信息"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel(
                            "hostname", help_text=_("子站的域名，如 jyj.xjkz.gov.cn；本机试用可用 jyj.localhost。")
                        ),
                        FieldPanel("port"),
                    ]
                )
            ],
            heading=_("网址"),
        ),
        MultiFieldPanel([FieldPanel("theme_variant")], heading=_("外观")),
        contact_section(),
        footer_section(),
    ],
    base_form_class=OnboardingForm,
)

EDIT_PANELS = ObjectList(
    [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("sort_order")]),
                FieldPanel("org_code"),
            ],
            heading=_("基本信息"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("hostname", help_text=_("更改域名或端口后，子站改在新地址访问，旧地址不再指向它。")),
                        FieldPanel("port"),
                    ]
                )
            ],
            heading=_("网址"),
        ),
        MultiFieldPanel([FieldPanel("theme_variant"), FieldPanel("logo")], heading=_("外观")),
        contact_section(),
        footer_section(),
    ],
    base_form_class=SubsiteEditForm,
)


class SiteInfoForm(forms.ModelForm):
    """本站信息: the contact details a site must keep showing may be changed, not emptied."""

    class Meta:
        model = Department
        fields = SITE_INFO_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in REQUIRED_FOR_PUBLIC & set(self.fields):
            self.fields[name].required = True
