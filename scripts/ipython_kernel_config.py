# Copied by `make setup` as <venv>/etc/ipython/ipython_kernel_config.py, which every
# IPython kernel of the project's environment reads (IPython's ENV_CONFIG_PATH): the
# report's build, papermill on the command line and JupyterLab alike.
#
# Two kernel log lines are noise to a reader of the output and say nothing about the
# notebook: the warning that the kernel talks over TCP (papermill and JupyterLab connect
# by local TCP ports on this machine; the report's build uses IPC sockets), and the
# "KeyboardInterrupt caught in kernel" that jupyter_client's shutdown provokes by
# interrupting the kernel before it stops. Only these two are filtered, by their
# wording; every other kernel log line still shows.
import logging

KNOWN_NOISE = (
    "Kernel is running over TCP without encryption",
    "KeyboardInterrupt caught in kernel",
)


class _KnownNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(noise in message for noise in KNOWN_NOISE)


logging.getLogger("IPKernelApp").addFilter(_KnownNoise())
