vcl 4.1;

# Portal Hub behind Varnish 7.1 (Debian bookworm): the HTTP cache in front of gunicorn.
#
# What is cached is the application's decision: only a response carrying X-Pagecache-Host equal to the
# request's normalised hostname is kept (the application sets it only for a known tenant's public
# page, rendered for an anonymous visitor, that sets no cookie; hub/cache/middleware.py). So a crafted
# Host cannot land a page under another tenant's key, and an unknown hostname is never cached.
# The application sends BAN on every change (hub/cache/purge.py): with a tenant's hostname as Host it
# drops that tenant's pages, with X-Ban-All everything. BAN is accepted from localhost only.
#
# Run: varnishd -a :80 -f /etc/varnish/default.vcl -s malloc,256m, with gunicorn on 127.0.0.1:8000 and
# HUB_FRONT_CACHE_URLS=http://127.0.0.1:80 in the application's environment (README, production notes).

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}

acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # One spelling per host: an absolute request target wins over Host (as HTTP/1.1 says), then
    # lower case, no port, no trailing dot. The application sees exactly the host the key is made of.
    if (req.url ~ "^[a-zA-Z][a-zA-Z0-9+.-]*://") {
        set req.http.host = regsub(req.url, "^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#]*).*$", "\1");
        set req.url = regsub(req.url, "^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*", "");
        if (req.url == "") {
            set req.url = "/";
        }
    }
    set req.http.host = std.tolower(regsub(req.http.host, "(:[0-9]*)?\.?$", ""));
    unset req.http.X-Forwarded-Host;
    unset req.http.X-Pagecache-Host;

    if (req.method == "BAN") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.http.X-Ban-All) {
            ban("obj.http.X-Pagecache-Host ~ .");
        } else {
            ban("obj.http.X-Pagecache-Host == " + req.http.host);
        }
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A visitor with a session (signed in, or a citizen who has just submitted a form), a CSRF token
    # or a pending message gets their own page; other cookies (analytics) do not matter.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    if (req.url ~ "^(/(ug|ky|en))?/(admin|django-admin|search|documents)/") {
        return (pass);
    }
    unset req.http.Cookie;
    unset req.http.Authorization;
    # The language is in the path; Accept-Language does not choose it.
    unset req.http.Accept-Language;
    # Tracking parameters do not change a page.
    set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|fbclid|gclid|spm|_hsenc|mc_cid|mc_eid)=[^&]*", "\1");
    set req.url = regsuball(req.url, "&&+", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]$", "");
    set req.url = std.querysort(req.url);
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.host);
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    if (beresp.http.X-Pagecache-Host && beresp.http.X-Pagecache-Host == bereq.http.host
        && !beresp.http.Set-Cookie && (beresp.status == 200 || beresp.status == 301)) {
        # Every change bans at once; the time to live only bounds memory.
        set beresp.ttl = 300s;
        set beresp.grace = 0s;
        return (deliver);
    }
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Pagecache-Host;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
