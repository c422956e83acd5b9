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
import statistics

from tvlog import MODES, compare, runs


def parse(path):
    """Return {pages: ns per pair, mean over threads} for one boot; its
    runs are named vmmapN for N pages."""
    per = {}
    for run in runs(open(path, errors='replace')):
        if not (run['name'] or '').startswith('vmmap'):
            continue
        pages = int(run['name'][len('vmmap'):])
        for r in run['summaries']:
            if r['test'] != 'vm_map_ram_test':
                continue
            if r['failed']:
                raise SystemExit(f'{path}: vm_map_ram_test failed')
            per.setdefault(pages, []).append(r['usec'] * 1000 / r['loops'])
    return {p: statistics.mean(v) for p, v in per.items()}


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
            c = compare(k['base'], k['series'])
            c['base_ns'] = round(c.pop('base'), 1)
            c['series_ns'] = round(c.pop('series'), 1)
            rows.append({'mode': mode, 'pages': p, **c})
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
