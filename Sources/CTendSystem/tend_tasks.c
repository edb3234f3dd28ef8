#define _GNU_SOURCE
#include "tend_tasks.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// The runtime's side, as include/swift/Runtime/Concurrency.h and ConcurrencyHooks.def declare it: the
// hook variables are function pointers of the Swift calling convention, each called with the original
// implementation as its last argument. Weak, so that a runtime without them leaves their address NULL.

#define TEND_SWIFTCALL __attribute__((swiftcall))

typedef TEND_SWIFTCALL void (*enqueue_global_original)(void *job);
typedef TEND_SWIFTCALL void (*enqueue_global_hook)(void *job, enqueue_global_original original);

typedef TEND_SWIFTCALL void (*enqueue_global_with_delay_original)(unsigned long long delay_ns, void *job);
typedef TEND_SWIFTCALL void (*enqueue_global_with_delay_hook)(
    unsigned long long delay_ns, void *job, enqueue_global_with_delay_original original);

typedef TEND_SWIFTCALL void (*enqueue_global_with_deadline_original)(
    long long sec, long long nsec, long long tolerance_sec, long long tolerance_nsec, int clock, void *job);
typedef TEND_SWIFTCALL void (*enqueue_global_with_deadline_hook)(
    long long sec, long long nsec, long long tolerance_sec, long long tolerance_nsec, int clock, void *job,
    enqueue_global_with_deadline_original original);

extern enqueue_global_hook swift_task_enqueueGlobal_hook __attribute__((weak));
extern enqueue_global_with_delay_hook swift_task_enqueueGlobalWithDelay_hook __attribute__((weak));
extern enqueue_global_with_deadline_hook swift_task_enqueueGlobalWithDeadline_hook __attribute__((weak));

// SerialExecutorRef (include/swift/ABI/Executor.h): an identity and an implementation word; the generic
// executor is both zero.
typedef struct {
    void *identity;
    uintptr_t implementation;
} serial_executor_ref;

extern TEND_SWIFTCALL void swift_job_run(void *job, serial_executor_ref executor);

// swift_clock_id (Concurrency.h). On Linux the runtime reads the continuous clock from CLOCK_BOOTTIME and
// the suspending clock from CLOCK_MONOTONIC (Clock.cpp, swift_get_time).
enum { swift_clock_continuous = 1, swift_clock_suspending = 2 };

static tend_tasks_enqueue_fn installed_enqueue;

static int64_t nanoseconds_of(long long sec, long long nsec) {
    if (sec < 0) return 0;
    if (sec >= INT64_MAX / 1000000000 - 1) return INT64_MAX;
    return (int64_t)sec * 1000000000 + (int64_t)nsec;
}

static int64_t now_on(clockid_t clock) {
    struct timespec now;
    clock_gettime(clock, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

static int64_t saturating_add(int64_t base, int64_t delta) {
    return delta > INT64_MAX - base ? INT64_MAX : base + delta;
}

static void hand_over(void *job, int64_t deadline_ns) {
    __atomic_load_n(&installed_enqueue, __ATOMIC_ACQUIRE)(job, deadline_ns);
}

static TEND_SWIFTCALL void enqueue_global(void *job, enqueue_global_original original) {
    (void)original;
    hand_over(job, -1);
}

static TEND_SWIFTCALL void enqueue_global_with_delay(
    unsigned long long delay_ns, void *job, enqueue_global_with_delay_original original) {
    (void)original;
    int64_t delay = delay_ns > (unsigned long long)INT64_MAX ? INT64_MAX : (int64_t)delay_ns;
    hand_over(job, saturating_add(tend_tasks_monotonic_now(), delay));
}

static TEND_SWIFTCALL void enqueue_global_with_deadline(
    long long sec, long long nsec, long long tolerance_sec, long long tolerance_nsec, int clock, void *job,
    enqueue_global_with_deadline_original original) {
    int64_t deadline = tend_tasks_monotonic_deadline(sec, nsec, clock);
    if (deadline < 0) {
        // A clock this file does not know: the runtime's own implementation knows what it means.
        original(sec, nsec, tolerance_sec, tolerance_nsec, clock, job);
        return;
    }
    hand_over(job, deadline);
}

int64_t tend_tasks_monotonic_deadline(long long sec, long long nsec, int clock) {
    int64_t deadline = nanoseconds_of(sec, nsec);
    switch (clock) {
    case swift_clock_suspending:
        // Already CLOCK_MONOTONIC.
        return deadline;
    case swift_clock_continuous: {
        // CLOCK_BOOTTIME: keep the time left, measured on both clocks at (nearly) the same instant.
        int64_t monotonic_now = tend_tasks_monotonic_now();
        if (deadline == INT64_MAX) return INT64_MAX;
        int64_t remaining = deadline - now_on(CLOCK_BOOTTIME);
        return remaining <= 0 ? monotonic_now : saturating_add(monotonic_now, remaining);
    }
    default:
        return -1;
    }
}

static int install(void **slot, void *hook) {
    void *expected = NULL;
    return __atomic_compare_exchange_n(slot, &expected, hook, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

static void uninstall(void **slot, void *hook) {
    void *expected = hook;
    __atomic_compare_exchange_n(slot, &expected, NULL, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

int tend_tasks_install_hooks(tend_tasks_enqueue_fn enqueue) {
    void **global = (void **)&swift_task_enqueueGlobal_hook;
    void **delayed = (void **)&swift_task_enqueueGlobalWithDelay_hook;
    void **deadlined = (void **)&swift_task_enqueueGlobalWithDeadline_hook;
    if (global == NULL || delayed == NULL || deadlined == NULL) return -1;

    __atomic_store_n(&installed_enqueue, enqueue, __ATOMIC_RELEASE);
    // The plain hook last: once it is in, jobs flow; the timed ones must be ours by then.
    if (!install(deadlined, (void *)enqueue_global_with_deadline)) return -2;
    if (!install(delayed, (void *)enqueue_global_with_delay)) {
        uninstall(deadlined, (void *)enqueue_global_with_deadline);
        return -2;
    }
    if (!install(global, (void *)enqueue_global)) {
        uninstall(delayed, (void *)enqueue_global_with_delay);
        uninstall(deadlined, (void *)enqueue_global_with_deadline);
        return -2;
    }
    return 0;
}

void tend_tasks_run_job(void *job) {
    serial_executor_ref generic = {NULL, 0};
    swift_job_run(job, generic);
}

int64_t tend_tasks_monotonic_now(void) {
    return now_on(CLOCK_MONOTONIC);
}

struct thread_start {
    void (*body)(void *context);
    void *context;
    char name[16];
};

static void *thread_main(void *argument) {
    struct thread_start start = *(struct thread_start *)argument;
    free(argument);
    pthread_setname_np(pthread_self(), start.name);
    start.body(start.context);
    return NULL;
}

int tend_tasks_start_thread(const char *name, void (*body)(void *context), void *context) {
    struct thread_start *start = malloc(sizeof *start);
    if (start == NULL) return ENOMEM;
    start->body = body;
    start->context = context;
    strncpy(start->name, name, sizeof start->name - 1);
    start->name[sizeof start->name - 1] = '\0';

    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    // The new thread inherits the creator's mask: block everything around pthread_create so that no
    // signal can land on it before it runs, then give the creator its own mask back.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pthread_t thread;
    int failed = pthread_create(&thread, &attributes, thread_main, start);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    pthread_attr_destroy(&attributes);
    if (failed) free(start);
    return failed;
}
