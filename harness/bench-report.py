#!/usr/bin/python3
"""Summarise `make bench` boots: per mode and test, the median of the
test_vmalloc "avg usec" over boots for base and series, each one's spread
((max - min) / median over boots), and the ratio base / series (> 1: the
series is faster).

A ratio is judged against the noise band base spread + series spread (the
worst case for a ratio of two min-max ranges): inside it the verdict is
"noise", outside it "faster" or "slower".  Writes results.md, results.json
and ratios.png.  Boots come as KERNEL:MODE:LOG arguments or, with --logs,
from DIR/{base,series}-{icount,smp2,smp4}-N.log."""
import argparse
import glob
import json
import os
import statistics
import sys

from tvlog import MODES, compare, runs


def parse(path):
    """Return {test: mean avg usec over threads} for one boot."""
    per = {}
    for run in runs(open(path, errors='replace')):
        for r in run['summaries']:
            if r['failed']:
                sys.exit(f"{path}: {r['test']} failed")
            per.setdefault(r['test'], []).append(r['usec'])
    return {t: statistics.mean(v) for t, v in per.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--title', default='')
    ap.add_argument('--logs', help='directory of KERNEL-MODE-N.log files')
    ap.add_argument('boots', nargs='*', help='KERNEL:MODE:LOG')
    a = ap.parse_args()
    if a.logs:
        for path in sorted(glob.glob(os.path.join(a.logs, '*-*-*.log'))):
            kernel, mode, _ = os.path.basename(path).split('-', 2)
            a.boots.append(f'{kernel}:{mode}:{path}')

    data = {}   # mode -> test -> kernel -> [usec per boot]
    for spec in a.boots:
        kernel, mode, path = spec.split(':', 2)
        for t, v in parse(path).items():
            data.setdefault(mode, {}).setdefault(t, {}).setdefault(
                kernel, []).append(v)

    rows = []
    for mode in MODES:
        for t, k in data.get(mode, {}).items():
            if 'base' not in k or 'series' not in k:
                continue
            c = compare(k['base'], k['series'])
            c['base_usec'], c['series_usec'] = c.pop('base'), c.pop('series')
            rows.append({'mode': mode, 'test': t, **c})

    json.dump({'title': a.title, 'modes': MODES, 'rows': rows},
              open(f'{a.out}/results.json', 'w'), indent=1)

    md = [f'{a.title}\n' if a.title else '']
    for mode, desc in MODES.items():
        mr = [r for r in rows if r['mode'] == mode]
        if not mr:
            continue
        md.append(f'**{desc}** (median of {mr[0]["boots"]} boots each, '
                  f'avg usec per test_vmalloc test)\n')
        md.append('| test | base usec | spread | series usec | spread '
                  '| base/series | verdict |')
        md.append('|---|---:|---:|---:|---:|---:|---|')
        for r in mr:
            md.append(f"| {r['test']} | {r['base_usec']:.0f} | "
                      f"{r['base_spread_pct']:.1f}% | {r['series_usec']:.0f} "
                      f"| {r['series_spread_pct']:.1f}% | {r['ratio']:.2f} "
                      f"| {r['verdict']} (band ±{r['noise_band']:.2f}) |")
        md.append('')
    open(f'{a.out}/results.md', 'w').write('\n'.join(md))
    print('\n'.join(md))

    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    modes = [m for m in MODES if any(r['mode'] == m for r in rows)]
    fig, axes = plt.subplots(len(modes), 1, figsize=(10, 4 * len(modes)),
                             squeeze=False)
    for ax, mode in zip(axes[:, 0], modes):
        mr = [r for r in rows if r['mode'] == mode]
        names = [r['test'].replace('_test', '') for r in mr]
        ratios = [r['ratio'] for r in mr]
        # Error bar: the noise band the verdict uses.
        err = [r['noise_band'] for r in mr]
        ax.barh(names, ratios, xerr=err, color='tab:blue', alpha=0.8)
        ax.axvline(1.0, color='black', linewidth=1)
        ax.set_title(MODES[mode])
        ax.set_xlabel('base / series (> 1: series faster); '
                      'bars: noise band (base + series spread)')
        ax.invert_yaxis()
    fig.suptitle(a.title or 'test_vmalloc: base / series')
    fig.tight_layout()
    fig.savefig(f'{a.out}/ratios.png', dpi=90)


if __name__ == '__main__':
    main()
