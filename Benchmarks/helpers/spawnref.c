/* spawnref N: the reference for the start scenario. posix_spawns N `/bin/sleep 100000` as fast as it can, each
 * in a process group of its own as a supervisor would, prints "spawned N in SECONDS" once all exist, then
 * waits for its standard input to close (or a line on it), kills every child and reaps them all. */
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double monotonic_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: spawnref N\n");
        return 2;
    }
    long count = strtol(argv[1], NULL, 10);
    pid_t *pids = calloc((size_t)count, sizeof(pid_t));
    if (pids == NULL) return 1;
    char *child_argv[] = {"/bin/sleep", "100000", NULL};
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    double start = monotonic_seconds();
    long spawned = 0;
    for (; spawned < count; spawned++) {
        int error = posix_spawn(&pids[spawned], "/bin/sleep", NULL, &attributes, child_argv, environ);
        if (error != 0) {
            fprintf(stderr, "spawnref: posix_spawn failed after %ld children (error %d)\n", spawned, error);
            break;
        }
    }
    printf("spawned %ld in %.6f\n", spawned, monotonic_seconds() - start);
    fflush(stdout);
    char line[64];
    (void)fgets(line, sizeof line, stdin);
    for (long index = 0; index < spawned; index++) kill(pids[index], SIGKILL);
    for (long index = 0; index < spawned; index++) waitpid(pids[index], NULL, 0);
    free(pids);
    return spawned == count ? 0 : 1;
}
