#!/usr/bin/python3
"""Judge a test boot's serial console log.

Counts every KUnit test case (via the tree's own `kunit.py parse --json`),
every test_vmalloc test of every run, and the kernel splats.  The vmalloc
KUnit suite brackets calls that warn by design with marker lines:

    vmalloc_kunit: expected warning begin: <what>   (the call must WARN)
    vmalloc_kunit: allowed warning begin: <what>    (it may: WARN_ON_ONCE)
    vmalloc_kunit: {expected,allowed} warning end: <what>

Leak checks (guest/init's leak_check) print "HARNESS: leak check NAME ok"
or "... FAIL" followed by "HARNESS: leak diff" lines; --leak-checks N
requires N of them, all ok.

--userland LOG adds the cases of a userland KUnit run (tools/testing/):
its "ok N name" lines, its final suite line and its exit status.

--kcsan-symbols FILE (make kcsan) names the functions of the files under
test, one per line.  A KCSAN report whose title names one of them (one of
the two racing accesses is in it) fails the run; the other KCSAN reports,
races elsewhere in the kernel, are listed and do not.

--faults (make faults) judges a fault-injection boot.  guest/init's
faults_on/faults_off write "HARNESS: faults on|off NAME" to the kernel log
around each injection window.  An allocation-failure report
("COMM: vmalloc error: ...", "COMM: page allocation failure: ..." from
warn_alloc(), "percpu: allocation failed, ..." from the percpu allocator,
each with a stack dump) is accepted only inside a window and only if its
stack holds the code injected into: test_vmalloc's (the stack filter lets
faults only there) or the vmalloc_exhaustion case's (the only task marked
to fail); every other splat fails as usual.  test_vmalloc's tests may fail
there, since their allocations do, but every run must show injected
failures and every test must have run.  Suites run again through KUnit's
debugfs ("HARNESS: kunit results begin NAME" ... "end NAME") must pass
and must report "N injected allocation failures retried" with N > 0.

Inside such a block a WARNING is accepted (never a BUG, Oops, KASAN or
lockdep report); an expected block without one is a failure, and so is
every splat outside the blocks.  Prints one line per failure and ends
with the line "N passed, N failed"; exits 1 if anything failed or nothing
ran.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import tvlog

TS = re.compile(r'^\[\s*\d+\.\d+\]\s?')
SPLAT = re.compile(
    r'(WARNING:|BUG:|Oops|Kernel panic|kernel BUG at|general protection fault|'
    r'Call Trace|cut here|UBSAN:|KASAN:|DEBUG_LOCKS_WARN_ON|'
    r'INFO: (possible|inconsistent|trying to register|task .* blocked)|'
    r'rcu: INFO:|detected stall|soft lockup|hard LOCKUP|Unable to handle)')
NEVER_EXPECTED = re.compile(r'(BUG:|Oops|Kernel panic|kernel BUG at|KASAN|'
                            r'general protection fault|UBSAN:|INFO: )')
ALLOC_FAIL = re.compile(r'^(.+?): (vmalloc error: |page allocation failure: |'
                        r'allocation failed, )')
INJECTED = re.compile(r'\[test_vmalloc\]|kva_exhaustion_retry_test')
FAULTS = re.compile(r'HARNESS: faults (on|off) (\S+)')
MARK = re.compile(r'vmalloc_kunit: (expected|allowed) warning '
                  r'(begin|end): (.*)$')
SUBTEST = re.compile(r'\s+# Subtest: (\S+)')
CASE = re.compile(r'\s+(not )?ok \d+ (\S+)')


def kunit_cases(node, path=''):
    """Yield (name, status) for every leaf test case of kunit.py's JSON."""
    name = node.get('name', '')
    if name == 'KUnit Test Group':     # kunit.py's root: not a suite
        name = ''
    here = f'{path}.{name}' if path and name else (name or path)
    for group in node.get('sub_groups', []):
        yield from kunit_cases(group, here)
    for case in node.get('test_cases', []):
        yield f"{here}.{case['name']}", case['status']


def matches(lines, pattern):
    """Yield (index, match) for the lines that start with pattern."""
    for i, l in enumerate(lines):
        m = re.match(pattern, l)
        if m:
            yield i, m


def ktap_cases(lines):
    """Yield (suite, case, passed) for the case lines of KTAP output."""
    suite = '?'
    for l in lines:
        m = SUBTEST.match(l)
        if m:
            suite = m.group(1)
        m = CASE.match(l)
        if m:
            yield suite, m.group(2), not m.group(1)


def parse_kunit(log_path, kunit_py):
    if not os.path.isfile(kunit_py):
        return []
    # The suites that ran at boot, before init: a suite run again later
    # through debugfs prints its results on the console as well.
    boot = []
    for line in open(log_path, errors='replace'):
        if TS.sub('', line).startswith('HARNESS: init'):
            break
        boot.append(line)
    with tempfile.NamedTemporaryFile(suffix='.json') as out, \
            tempfile.TemporaryFile('w+') as log:
        log.writelines(boot)
        log.seek(0)
        subprocess.run([sys.executable, kunit_py, 'parse',
                        '--json=' + out.name], stdin=log,
                       stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        try:
            data = json.load(open(out.name))
        except (OSError, ValueError):
            return []
    return list(kunit_cases(data))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('log')
    ap.add_argument('--kunit-py', required=True)
    ap.add_argument('--min-kunit', type=int, default=1,
                    help='fail unless at least this many KUnit cases ran')
    ap.add_argument('--tv-runs', type=int, default=0,
                    help='test_vmalloc runs that must have completed')
    ap.add_argument('--leak-checks', type=int, default=0,
                    help='leak checks that must have run and passed')
    ap.add_argument('--hotplug-cycles', type=int, default=0,
                    help='CPU offline/online cycles the log must show')
    ap.add_argument('--userland', action='append', default=[],
                    help='log of a userland suite run, ending "HARNESS: exit N"')
    ap.add_argument('--faults', action='store_true',
                    help='a fault-injection boot (make faults)')
    ap.add_argument('--kcsan-symbols',
                    help='functions whose KCSAN reports fail the run')
    args = ap.parse_args()

    lines = [TS.sub('', l.rstrip('\r\n'))
             for l in open(args.log, errors='replace')]
    passed = failed = 0
    failures = []

    def record(ok, what):
        """Count one check; a failed one is reported as what."""
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            failures.append(what)

    # KUnit.
    cases = parse_kunit(args.log, args.kunit_py)
    for name, status in cases:
        # A skipped case is a check that did not run: it counts as failed.
        record(status == 'PASS', f'kunit {name}: {status}')
    if len(cases) < args.min_kunit:
        record(False, f'kunit: {len(cases)} test cases ran, '
                      f'expected at least {args.min_kunit}')

    # Userland suites: KTAP-like lines from tools/testing/*/include/kunit.
    for path in args.userland:
        try:
            ulines = [l.rstrip('\n') for l in open(path, errors='replace')]
        except OSError as e:
            record(False, f'userland {path}: {e}')
            continue
        ncases, status = 0, None
        for suite, case, ok in ktap_cases(ulines):
            ncases += 1
            record(ok, f'userland {suite}.{case}: failed')
        for l in ulines:
            m = re.match(r'HARNESS: exit (\d+)', l)
            if m:
                status = int(m.group(1))
        if status != 0 or not ncases:
            tail = '\n    '.join(ulines[-15:])
            record(False, f'userland {path}: exit {status} after {ncases} '
                          f'case(s):\n    {tail}')

    # test_vmalloc: per run, each test passes only if no thread failed it.
    runs = tvlog.runs(lines)
    for r in runs:
        r['tests'] = {}
        for x in r['summaries']:
            t = r['tests'].setdefault(x['test'], [0, 0])
            t[0] += x['passed']
            t[1] += x['failed']
    for r in runs:
        if not r['end'] or r['rc'] != -11:
            record(False, f"test_vmalloc {r['name']}: load returned "
                          f"{r['rc']} (expected -11, -EAGAIN by design)")
        if not r['tests']:
            record(False, f"test_vmalloc {r['name']}: no results")
        if args.faults:
            for t, (p, f) in sorted(r['tests'].items()):
                record(p + f, f"test_vmalloc {r['name']} {t}: did not run")
            nfail = sum(f for p, f in r['tests'].values())
            record(nfail, f"test_vmalloc {r['name']}: no test failed, so "
                          f"no injected fault reached it")
            continue
        for t, (p, f) in sorted(r['tests'].items()):
            record(p and not f, f"test_vmalloc {r['name']} {t}: "
                                f"{p} passed, {f} failed")
    if len(runs) < args.tv_runs:
        record(False, f'test_vmalloc: {len(runs)} runs, '
                      f'expected {args.tv_runs}')

    # Leak checks.
    leaks = 0
    for i, m in matches(lines, r'HARNESS: leak check (\S+) (ok|FAIL)(.*)'):
        leaks += 1
        diff = [d for d in lines[i + 1:i + 42] if d.startswith('HARNESS: leak diff')]
        record(m.group(2) == 'ok', f'leak check {m.group(1)}:{m.group(3)}\n    '
                                   + '\n    '.join(diff))
    if leaks < args.leak_checks:
        record(False, f'leak checks: {leaks} ran, expected {args.leak_checks}')

    # CPU hotplug: every offline/online of a CPU succeeded, and enough ran.
    if args.hotplug_cycles:
        hp = [m for _, m in matches(
            lines, r'HARNESS: hotplug cycle (\d+) (\S+) (ok|FAIL)')]
        bad = [f'{m.group(2)} in cycle {m.group(1)}' for m in hp
               if m.group(3) != 'ok']
        record(not bad, 'hotplug: offline/online failed: ' + ', '.join(bad))
        cycles = max([int(m.group(1)) for m in hp], default=0)
        record(cycles >= args.hotplug_cycles,
               f'hotplug: {cycles} cycles, expected {args.hotplug_cycles}')

    # Suites run again through KUnit's debugfs.
    kruns = 0
    for i, m in matches(lines, r'HARNESS: kunit results begin (\S+)'):
        kruns += 1
        suite, block = m.group(1), []
        for r in lines[i + 1:]:
            if r.startswith('HARNESS: kunit results end'):
                break
            block.append(r)
        ncases = 0
        for _, case, ok in ktap_cases(block):
            ncases += 1
            record(ok, f'kunit {suite}.{case} (debugfs run): failed')
        injected = [int(c.group(1)) for c in
                    (re.search(r'(\d+) injected allocation failures '
                               r'retried', r) for r in block) if c]
        record(ncases, f'kunit {suite} (debugfs run): no case ran')
        if args.faults:
            record(injected and min(injected) > 0,
                   f'kunit {suite} (debugfs run): injected failures '
                   f'{injected}, expected some in every case')
    if args.faults:
        record(kruns, 'kunit: no suite ran through debugfs')

    # Fault injection: the windows.
    window, in_window = None, [False] * len(lines)
    for i, l in enumerate(lines):
        m = FAULTS.search(l)
        if m:
            window = m.group(2) if m.group(1) == 'on' else None
        in_window[i] = window is not None
    alloc_reports, attributed = 0, set()

    # KCSAN reports, each between two lines of '=', judged by their title.
    kcsan_lines, kcsan_other = set(), []
    if args.kcsan_symbols:
        ours = set(open(args.kcsan_symbols).read().split())
        for i, l in enumerate(lines):
            m = re.search(r'BUG: KCSAN: (.*)$', l)
            if not m:
                continue
            start = i - 1 if i and lines[i - 1].startswith('=====') else i
            end = i + 1
            while end < len(lines) and not lines[end].startswith('====='):
                end += 1
            kcsan_lines.update(range(start, min(end + 1, len(lines))))
            title = m.group(1)
            where = title.split(' in ', 1)[-1]
            funcs = {re.sub(r'[.+].*', '', f.strip())
                     for f in where.split(' / ')}
            if funcs & ours:
                ctx = '\n    '.join(lines[i:min(end, i + 30)])
                record(False, f'KCSAN report in the vmap layer:\n    {ctx}')
            else:
                kcsan_other.append(title)
        for t in sorted(set(kcsan_other)):
            print(f'note: KCSAN outside the vmap layer (not judged): {t}')

    # Splats.
    block, warned, expected_seen, splats = None, 0, 0, 0
    for i, l in enumerate(lines):
        if i in kcsan_lines:
            continue
        m = MARK.search(l)
        if m:
            kind, edge, what = m.groups()
            if edge == 'begin':
                block, warned = (kind, what), 0
                continue
            if block and block[0] == 'expected':
                record(warned, f'expected warning did not appear: {what}')
            block = None
            continue
        if args.faults and i in attributed:
            continue
        m = ALLOC_FAIL.match(l) if args.faults else None
        if m:
            # Its stack dump: the next "Call Trace" to the end of its frames.
            trace = next((j for j in range(i + 1, min(i + 20, len(lines)))
                          if 'Call Trace' in lines[j]), None)
            frames = []
            if trace is not None:
                for j in range(trace + 1, min(trace + 80, len(lines))):
                    frames.append(lines[j])
                    if lines[j].strip() == '</TASK>':
                        break
            ok = (in_window[i] and trace is not None and
                  any(INJECTED.search(f) for f in frames))
            if ok:
                alloc_reports += 1
                attributed.add(trace)
            else:
                record(False, 'allocation failure report ' +
                       ('outside a faults window' if not in_window[i]
                        else 'not from the injected code') +
                       ':\n    ' + '\n    '.join([l] + frames[:30]))
            continue
        if not SPLAT.search(l):
            continue
        if block and not NEVER_EXPECTED.search(l):
            if l.startswith('WARNING:'):
                warned += 1
                expected_seen += 1
            continue
        splats += 1
        if splats <= 5:
            ctx = '\n    '.join(lines[max(0, i - 2):i + 12])
            failures.append(f'splat on the console:\n    {ctx}')
    if splats:
        record(False, f'{splats} unexpected splat line(s)')

    if not any(l.startswith('HARNESS: done') for l in lines):
        record(False, 'guest did not reach "HARNESS: done" '
                      '(crash, hang or timeout)')

    for f in failures:
        print(f'FAIL: {f}')
    print(f'kunit: {len(cases)} cases; userland logs: {len(args.userland)}; '
          f'leak checks: {leaks}; test_vmalloc: {len(runs)} run(s); '
          f'warnings by design: {expected_seen}'
          + (f'; injected-failure reports: {alloc_reports}'
             if args.faults else '')
          + (f'; KCSAN reports elsewhere: {len(kcsan_other)}'
             if args.kcsan_symbols else ''))
    print(f'{passed} passed, {failed} failed')
    return 1 if failed or not passed else 0


if __name__ == '__main__':
    sys.exit(main())
