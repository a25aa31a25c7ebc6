"""Peak memory of a benchmark's child process, as source code to put at the top of its script.

Linux keeps ru_maxrss across execve, so a child's ru_maxrss is at least its parent's size
when it was forked; VmHWM belongs to the new address space alone, so it is read first.
"""

PEAK = """
def peak_kb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""
