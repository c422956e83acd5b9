"""What the harness reads from a console log of test_vmalloc runs, written
once for check-log.py and the report scripts.

guest/init brackets every load of test_vmalloc with "HARNESS: test_vmalloc
begin NAME PARAMS" and "... end NAME", and finit prints what the load
returned; test_vmalloc prints one Summary line per test and thread."""
import re
import statistics

SUMMARY = re.compile(r'Summary: (?P<test>\S+) passed: (?P<passed>\d+) '
                     r'failed: (?P<failed>\d+) repeat: \d+ '
                     r'loops: (?P<loops>\d+) avg: (?P<usec>\d+) usec')
BEGIN = re.compile(r'HARNESS: test_vmalloc begin (\S+)')
END = re.compile(r'HARNESS: test_vmalloc end ')
FINIT = re.compile(r'^finit: .*= (-?\d+)')

# The benchmark modes: how a boot is run, and how a report names it.
MODES = {
    'icount': '1 thread, -smp 1, -icount shift=0 (deterministic)',
    'smp2': '2 threads, -smp 2, real-time multi-threaded TCG',
    'smp4': '4 threads, -smp 4 on 2 host cores, real-time multi-threaded TCG',
}


def runs(lines):
    """The test_vmalloc runs of a log, in order: dicts with 'name', 'end'
    (the end marker came), 'rc' (what the load returned, None if not
    printed) and 'summaries' (one dict per Summary line: test, passed,
    failed, loops, usec, as ints but test).  Lines outside a run are
    not read."""
    out, cur = [], None
    for line in lines:
        m = BEGIN.search(line)
        if m:
            cur = {'name': m.group(1), 'end': False, 'rc': None,
                   'summaries': []}
            out.append(cur)
            continue
        if cur is not None and END.search(line):
            cur['end'] = True
            continue
        m = FINIT.search(line)
        if m and cur is not None:
            cur['rc'] = int(m.group(1))
            continue
        m = SUMMARY.search(line)
        if m and cur is not None:
            d = m.groupdict()
            cur['summaries'].append({k: (v if k == 'test' else int(v))
                                     for k, v in d.items()})
    return out


def spread(v):
    """(max - min) / median of a kernel's boots, in percent."""
    med = statistics.median(v)
    return (max(v) - min(v)) / med * 100 if med else 0.0


def compare(base, series):
    """Base against series over their boots: medians, spreads, the ratio
    base / series (> 1: the series is faster) and the verdict against the
    noise band base spread + series spread (the worst case for a ratio of
    two min-max ranges)."""
    b, s = statistics.median(base), statistics.median(series)
    band = (spread(base) + spread(series)) / 100
    ratio = b / s if s else float('nan')
    return {
        'boots': min(len(base), len(series)),
        'base': b, 'series': s,
        'base_spread_pct': round(spread(base), 1),
        'series_spread_pct': round(spread(series), 1),
        'ratio': round(ratio, 3), 'noise_band': round(band, 3),
        'verdict': ('noise' if abs(ratio - 1) <= band else
                    'faster' if ratio > 1 else 'slower'),
        'base_boots': base, 'series_boots': series,
    }
