/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the benchmarks share: clocks, memory readings, and a database of N learners with a
 * passed assessment in the demo module, made by SQL (fast, and not what is measured). */

#pragma once

#include "acr-core.h"

/* Monotonic wall clock and the process's CPU time (all threads, user and system), seconds. */
double    bench_now_s        (void);
double    bench_cpu_s        (void);
/* The resident set size of this process now, in MiB (VmRSS). */
double    bench_rss_mib      (void);
/* Exits with the error's message when @error is set. */
void      bench_die_on_error (GError     *error,
                              const char *what);
/* A database "bench.db" in @dir with the demo data and @n learners holding a passed
 * assessment in the demo module, copied from the demo assessment. @module_id gets the
 * module's id. */
AcrStore *bench_make_store   (const char *dir,
                              guint       n,
                              gint64     *module_id);
/* Removes @dir and the files in it. */
void      bench_remove_dir   (const char *dir);
