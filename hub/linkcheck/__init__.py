"""Outside links and availability (外链检测与可用性监测): evidence for the inspection of each site.

`discovery` finds every outside link a tenant publishes, `checker` checks them over HTTP
(`client`) and stores each result as it finishes, `probe` requests each site through its real
hostname and records every visit. `indicators` turns the stored rows into the inspection's
indicators (availability veto, broken links, possibly hijacked links) and declares the collectors
"links" and "probe" in `hub.inspection.registry`.
"""
