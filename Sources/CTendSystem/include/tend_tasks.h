#ifndef TEND_TASKS_H
#define TEND_TASKS_H

#include <stdint.h>

// Swift Concurrency's global executor, taken over: the runtime's global-enqueue hooks hand every job to
// a function of tend's (its thread pool), and that pool runs them with tend_tasks_run_job. No libdispatch.

/// Receives each job the runtime enqueues globally. `deadline_ns` is the CLOCK_MONOTONIC time in
/// nanoseconds before which the job must not run (a sleeping task's wake-up), or -1 to run it as soon as
/// possible. Called on whatever thread enqueued the job; must not block for long.
typedef void (*tend_tasks_enqueue_fn)(void *job, int64_t deadline_ns);

/// Installs the runtime's three global-enqueue hooks (swift_task_enqueueGlobal_hook, ..WithDelay_hook,
/// ..WithDeadline_hook) so that they route every job to `enqueue`. All or nothing, each by compare and
/// swap from NULL. Returns 0 on success, -1 when the runtime exports no such hooks, -2 when one of them
/// is set already (then none is installed). Call once, before any task exists.
int tend_tasks_install_hooks(tend_tasks_enqueue_fn enqueue);

/// Runs a job that `enqueue` received, as a global job: swift_job_run on the generic executor. The job
/// is consumed; the call returns when the job suspends or finishes.
void tend_tasks_run_job(void *job);

/// The CLOCK_MONOTONIC nanoseconds matching a deadline the runtime gives as `sec`/`nsec` on its clock
/// `clock` (1: ContinuousClock, CLOCK_BOOTTIME on Linux; 2: SuspendingClock, CLOCK_MONOTONIC), saturating;
/// -1 for a clock id it does not know. What the deadline hook hands to the pool.
int64_t tend_tasks_monotonic_deadline(long long sec, long long nsec, int clock);

/// Now on CLOCK_MONOTONIC, in nanoseconds.
int64_t tend_tasks_monotonic_now(void);

/// Starts a detached thread that runs `body(context)`, named `name` (its first 15 bytes) and with every
/// signal blocked from its first instruction on. Returns 0, or the errno value pthread_create gave.
int tend_tasks_start_thread(const char *name, void (*body)(void *context), void *context);

#endif
