#!/usr/bin/env python3
"""The server's own request times per route, from Tværs' Prometheus endpoint (http.server.requests as a histogram):
count, p50, p95, p99 in ms, and the same over all pages (every route but static files and the management port).
Used by bench/load at the end of a run; the buckets count from the server's start, so the figures cover the whole run.
  bench/server-times.py http://127.0.0.1:18081/actuator/prometheus"""
import re, sys, urllib.request
from collections import defaultdict

text = urllib.request.urlopen(sys.argv[1], timeout=30).read().decode()
buckets = defaultdict(lambda: defaultdict(float))
line = re.compile(r'^http_server_requests_seconds_bucket\{(.*)\} ([0-9.eE+-]+)$')
for row in text.splitlines():
    m = line.match(row)
    if not m:
        continue
    labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
    le = float('inf') if labels['le'] == '+Inf' else float(labels['le'])
    key = (labels.get('method', ''), labels.get('uri', ''))
    buckets[key][le] += float(m.group(2))


def quantile(cumulative, q):
    bounds = sorted(cumulative)
    total = cumulative[bounds[-1]]
    if total == 0:
        return float('nan')
    rank, lower, below = q * total, 0.0, 0.0
    for bound in bounds:
        count = cumulative[bound]
        if count >= rank:
            if bound == float('inf'):
                return lower * 1000
            share = (rank - below) / (count - below) if count > below else 1.0
            return (lower + (bound - lower) * share) * 1000
        lower, below = bound, count
    return lower * 1000


pages = defaultdict(float)
rows = []
for (method, uri), cumulative in sorted(buckets.items()):
    total = cumulative[max(cumulative)]
    if total == 0:
        continue
    static = uri in ('/**',) or uri.startswith(('/vendor', '/css', '/js', '/img')) or uri.startswith('/actuator')
    rows.append((method, uri, total, quantile(cumulative, .5), quantile(cumulative, .95), quantile(cumulative, .99), static))
    if not static:
        for bound, count in cumulative.items():
            pages[bound] += count
print('server times (ms) %-6s %-42s %8s %8s %8s %8s' % ('method', 'route', 'count', 'p50', 'p95', 'p99'))
for method, uri, total, p50, p95, p99, static in rows:
    print('                  %-6s %-42s %8d %8.0f %8.0f %8.0f%s' % (method, uri[:42], total, p50, p95, p99,
                                                                  '  (static)' if static else ''))
if pages:
    print('                  %-6s %-42s %8d %8.0f %8.0f %8.0f' % ('all', 'pages (not static)', pages[max(pages)],
          quantile(pages, .5), quantile(pages, .95), quantile(pages, .99)))
