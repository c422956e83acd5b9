#!/usr/bin/python3
"""Summarise `make bench-vmmap` boots: per mode and mapping size, the median
over boots of test_vmalloc's vm_map_ram_test time per map+unmap pair (the
"avg usec" of a run, averaged over its threads, divided by its loops), for
base and series, each one's spread ((max - min) / median over boots), and
base / series (> 1: the series is faster), judged against the noise band
base spread + series spread.  Reads DIR/{base,series}-MODE-N.log; writes
vmmap.md and vmmap.json."""
import argparse
import glob
import json
import os
import re
import statistics

BEGIN = re.compile(r'HARNESS: test_vmalloc begin vmmap(\d+) ')
SUMMARY = re.compile(r'Summary: vm_map_ram_test passed: (\d+) failed: (\d+) '
                     r'repeat: \d+ loops: (\d+) avg: (\d+) usec')
MODES = {
    'icount': '1 thread, -smp 1, -icount shift=0 (deterministic)',
    'smp2': '2 threads, -smp 2, real-time multi-threaded TCG',
    'smp4': '4 threads, -smp 4 on 2 host cores, real-time multi-threaded TCG',
}


def parse(path):
    """Return {pages: ns per pair, mean over threads} for one boot."""
    per, pages = {}, None
    for line in open(path, errors='replace'):
        m = BEGIN.search(line)
        if m:
            pages = int(m.group(1))
        m = SUMMARY.search(line)
        if m and pages:
            if int(m.group(2)):
                raise SystemExit(f'{path}: vm_map_ram_test failed')
            per.setdefault(pages, []).append(
                int(m.group(4)) * 1000 / int(m.group(3)))
    return {p: statistics.mean(v) for p, v in per.items()}


def spread(v):
    med = statistics.median(v)
    return (max(v) - min(v)) / med * 100 if med else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--title', default='')
    ap.add_argument('logs')
    a = ap.parse_args()

    data = {}   # mode -> pages -> kernel -> [ns per boot]
    for path in sorted(glob.glob(os.path.join(a.logs, '*-*-*.log'))):
        kernel, mode, _ = os.path.basename(path).split('-', 2)
        for p, v in parse(path).items():
            data.setdefault(mode, {}).setdefault(p, {}).setdefault(
                kernel, []).append(v)

    rows = []
    for mode in MODES:
        for p in sorted(data.get(mode, {})):
            k = data[mode][p]
            if 'base' not in k or 'series' not in k:
                continue
            b, s = statistics.median(k['base']), statistics.median(k['series'])
            band = (spread(k['base']) + spread(k['series'])) / 100
            ratio = b / s if s else float('nan')
            rows.append({
                'mode': mode, 'pages': p,
                'boots': min(len(k['base']), len(k['series'])),
                'base_ns': round(b, 1), 'series_ns': round(s, 1),
                'base_spread_pct': round(spread(k['base']), 1),
                'series_spread_pct': round(spread(k['series']), 1),
                'ratio': round(ratio, 3), 'noise_band': round(band, 3),
                'verdict': ('noise' if abs(ratio - 1) <= band else
                            'faster' if ratio > 1 else 'slower'),
                'base_boots': k['base'], 'series_boots': k['series'],
            })
    json.dump({'title': a.title, 'modes': MODES, 'rows': rows},
              open(os.path.join(a.out, 'vmmap.json'), 'w'), indent=1)

    md = [f'{a.title}\n' if a.title else '',
          'vm_map_ram() of N pages, touch, vm_unmap_ram(): ns per pair '
          '(median over boots; spread = (max - min) / median).\n']
    for mode, desc in MODES.items():
        mr = [r for r in rows if r['mode'] == mode]
        if not mr:
            continue
        md.append(f'**{desc}** ({mr[0]["boots"]} boots each)\n')
        md.append('| pages | base ns | spread | series ns | spread '
                  '| base/series | verdict |')
        md.append('|---:|---:|---:|---:|---:|---:|---|')
        for r in mr:
            md.append(f"| {r['pages']} | {r['base_ns']:.0f} | "
                      f"{r['base_spread_pct']:.1f}% | {r['series_ns']:.0f} | "
                      f"{r['series_spread_pct']:.1f}% | {r['ratio']:.2f} | "
                      f"{r['verdict']} (band ±{r['noise_band']:.2f}) |")
        md.append('')
    open(os.path.join(a.out, 'vmmap.md'), 'w').write('\n'.join(md))
    print('\n'.join(md))


if __name__ == '__main__':
    main()
