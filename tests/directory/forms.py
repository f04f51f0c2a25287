"""The directory entry's edit form as the admin posts it, with some values changed."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def directory_form(entry, leaders=None, **changes):
    """Form data for an entry; `leaders` maps a leader's pk to changed fields of that leader."""
    department = entry.department
    leaders = leaders or {}
    rows = [
        {
            "id": leader.pk,
            "name": leader.name,
            "position": leader.position,
            "responsibilities": leader.responsibilities,
            "photo": leader.photo_id or "",
            "profile_page": leader.profile_page_id or "",
            **leaders.get(leader.pk, {}),
        }
        for leader in entry.leaders.all()
    ]
    data = {
        "category": entry.category,
        "summary": entry.summary,
        "functions": rich_text(entry.functions),
        "address": department.address,
        "postcode": department.postcode,
        "phone": department.phone,
        "email": department.email,
        "office_hours": department.office_hours,
        "leaders": inline_formset(rows, initial=len(rows)),
    }
    data.update(changes)
    return nested_form_data(data)
