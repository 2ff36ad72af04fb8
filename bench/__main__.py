"""`python -m bench` (make bench): every benchmark in turn; each writes bench/results/<name>.json."""

import subprocess
import sys

BENCHMARKS = ["bench.imports", "bench.extraction", "bench.search", "bench.pages", "bench.api", "bench.load",
              "bench.faults", "bench.sizes", "bench.timeline", "bench.duplicates", "bench.statements", "bench.review"]


def main() -> int:
    failed = []
    for module in BENCHMARKS:
        print(f"== {module}", flush=True)
        if subprocess.call([sys.executable, "-m", module]) != 0:
            failed.append(module)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
