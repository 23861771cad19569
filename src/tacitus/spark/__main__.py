"""spark-submit entry point: `python -m tacitus.spark extract --input URI --output URI` (or give this
file to spark-submit). The same commands as `tacitus spark`."""

from tacitus.cli.spark import app


def main() -> None:
    app(prog_name="python -m tacitus.spark")


if __name__ == "__main__":
    main()
