/// The C shim for what Swift's Glibc module hides: spawning and reaping (tend_spawn.h, tend_process.h) and
/// log pipes, epoll and eventfd (tend_io.h), the alarm and the signal relay (tend_wake.h), the control socket
/// (tend_socket.h), the task pool's hooks into the concurrency runtime (tend_tasks.h).
#include "tend_spawn.h"
#include "tend_process.h"
#include "tend_io.h"
#include "tend_wake.h"
#include "tend_socket.h"
#include "tend_tasks.h"
