#!/usr/bin/python3
"""Lock acquisitions per vmalloc()+vfree() pair, base vs series, as Markdown.

Reads the console logs of harness/lockstat.sh.  Each holds two dumps of
/proc/lock_stat, after LO and after HI pairs, each taken with the statistics
cleared before its run; (HI dump - LO dump) / (HI - LO) is one pair's share.
A lock class whose name lockdep derived from a variable (no "&") is one
global lock; "&..." names a field, so one lock per instance (per node, per
CPU, per zone).  Lockdep maps that are not locks, and seqcounts (a write
section is a counter increment and a barrier inside a lock the writer
already holds; a reader retries instead of waiting), are listed apart and
left out of the totals.
"""
import argparse
import re

LINE = re.compile(r'^\s*(\S.*?):\s+((?:[\d.]+\s+){11}[\d.]+)\s*$')
BEGIN = re.compile(r'^HARNESS: lock_stat begin (\d+)')
END = re.compile(r'^HARNESS: lock_stat end (\d+)')
# Columns of a /proc/lock_stat class line (after the name).
CON, ACQ = 1, 7
MAPS = ('rcu_read_lock', 'rcu_read_lock_sched', 'rcu_read_lock_bh',
        'rcu_callback',
        'fs_reclaim', 'mmu_notifier_invalidate_range_start')
NOT_LOCKS = ('lockdep map', 'seqcount')


def dumps(path, col):
    """{loops: {class: column @col}} for every dump in the log."""
    out, cur = {}, None
    for raw in open(path, errors='replace'):
        line = raw.rstrip('\r\n')
        m = BEGIN.match(line)
        if m:
            cur = out.setdefault(int(m.group(1)), {})
            continue
        if END.match(line):
            cur = None
            continue
        if cur is None:
            continue
        m = LINE.match(line)
        if m and m.group(1) != 'class name':
            val = float(m.group(2).split()[col])
            cur[m.group(1)] = cur.get(m.group(1), 0) + val
    return out


def per_pair(path, lo, hi, col):
    d = dumps(path, col)
    if lo not in d or hi not in d:
        raise SystemExit(f'{path}: lock_stat dumps for {lo} and {hi} '
                         'loops missing')
    names = set(d[lo]) | set(d[hi])
    return {n: (d[hi].get(n, 0) - d[lo].get(n, 0)) / (hi - lo)
            for n in names}


def kind(name):
    if name.startswith('(') or name.split('-')[0] in MAPS:
        return 'lockdep map'
    if 'seqcount' in name:
        return 'seqcount'
    return 'per instance' if name.startswith('&') else 'global'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--lo', type=int, required=True)
    ap.add_argument('--hi', type=int, required=True)
    ap.add_argument('--title', default='')
    ap.add_argument('--pair', default='vmalloc(PAGE_SIZE) + vfree()')
    ap.add_argument('--test', default='fix_size_alloc_test')
    ap.add_argument('base')
    ap.add_argument('series')
    a = ap.parse_args()
    b = per_pair(a.base, a.lo, a.hi, ACQ)
    s = per_pair(a.series, a.lo, a.hi, ACQ)
    bc = per_pair(a.base, a.lo, a.hi, CON)
    sc = per_pair(a.series, a.lo, a.hi, CON)
    rows = [n for n in set(b) | set(s)
            if max(abs(b.get(n, 0)), abs(s.get(n, 0))) >= 0.005]
    rows.sort(key=lambda n: (kind(n) in NOT_LOCKS,
                             kind(n) if kind(n) in NOT_LOCKS else '',
                             -(b.get(n, 0) + s.get(n, 0)), n))
    print(f'# Lock acquisitions per {a.pair} pair\n')
    print(f'{a.title}. test_vmalloc {a.test}, 1 thread on 2 '
          f'vCPUs, CONFIG_LOCK_STAT; (dump after {a.hi} pairs - dump after '
          f'{a.lo} pairs) / {a.hi - a.lo}.  Rows below 0.005 in both '
          'kernels are left out; "-R"/"-W" are the read and write sides '
          'of a rw lock.  Contentions: acquisitions that had to wait.  '
          'The two dumps come from two runs, so locks off the tested '
          'path (timers, the scheduler) carry run-to-run noise, down to '
          'small negative differences.  Seqcounts and lockdep maps are '
          'not locks: they are listed last and left out of the totals.\n')
    print('| lock class | kind | acquisitions, base | series '
          '| contentions, base | series |')
    print('|---|---|---:|---:|---:|---:|')
    for n in rows:
        print(f'| `{n}` | {kind(n)} | {b.get(n, 0):.3f} | '
              f'{s.get(n, 0):.3f} | {bc.get(n, 0):.4f} | '
              f'{sc.get(n, 0):.4f} |')
    for label, pick in (('all locks', lambda n: kind(n) not in NOT_LOCKS),
                        ('global locks', lambda n: kind(n) == 'global')):
        tb = sum(v for n, v in b.items() if pick(n))
        ts = sum(v for n, v in s.items() if pick(n))
        cb = sum(v for n, v in bc.items() if pick(n))
        cs = sum(v for n, v in sc.items() if pick(n))
        print(f'| **total, {label}** | | **{tb:.3f}** | **{ts:.3f}** '
              f'| **{cb:.4f}** | **{cs:.4f}** |')

    fb, fs = flushes(a.base), flushes(a.series)
    if fb or fs:
        k = 1e5 / (a.hi - a.lo)
        print(f'\n# TLB flushes per 10^5 {a.pair} pairs\n')
        print('Every flush_tlb_kernel_range() call during the runs, traced '
              'with a kprobe event; (calls after {hi} pairs - after {lo}) '
              'scaled to 10^5 pairs.  Pages: what the calls ask to flush; '
              'x86 flushes everything for a call over 33 pages (full).\n'
              .format(hi=a.hi, lo=a.lo))
        print('| kernel | calls | pages asked | full flushes | events lost |')
        print('|---|---:|---:|---:|---:|')
        for name, f in (('base', fb), ('series', fs)):
            if a.lo not in f or a.hi not in f:
                continue
            d = [(f[a.hi][i] - f[a.lo][i]) * k for i in range(3)]
            print(f'| {name} | {d[0]:.0f} | {d[1]:.0f} | {d[2]:.0f} | '
                  f'{f[a.lo][3] + f[a.hi][3]} |')


FLUSH = re.compile(r'vmflush: .* start=0x([0-9a-f]+) end=0x([0-9a-f]+)')
FBEGIN = re.compile(r'^HARNESS: flushes begin (\d+)')
FEND = re.compile(r'^HARNESS: flushes end (\d+) lost (\d+)')


def flushes(path):
    """{loops: [calls, pages, calls over 33 pages, events lost]}."""
    out, cur = {}, None
    for raw in open(path, errors='replace'):
        line = raw.rstrip('\r\n')
        m = FBEGIN.match(line)
        if m:
            cur = out.setdefault(int(m.group(1)), [0, 0, 0, 0])
            continue
        m = FEND.match(line)
        if m and cur is not None:
            cur[3] = int(m.group(2))
            cur = None
            continue
        m = FLUSH.search(line)
        if m and cur is not None:
            pages = (int(m.group(2), 16) - int(m.group(1), 16)) // 4096
            cur[0] += 1
            cur[1] += pages
            cur[2] += pages > 33
    return out


if __name__ == '__main__':
    main()
