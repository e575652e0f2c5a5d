/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast acr_curriculum_import_file() reads a large curriculum document, measured against
 * the floor: `xmllint --noout --schema curriculum.xsd FILE`, which only parses and validates
 * (our import does that too, then checks the document and writes every row). Target: at most
 * 3 times the floor, and a peak memory below 10 times the file.
 *
 * The document has MODULES modules (2,000 by default) with OUTCOMES learning outcomes each
 * (10: 20,000 in all), every element of a module filled in, two level assignments and a rubric
 * of 3 levels × 3 criteria. Each run imports it into a fresh database file (frameworks seeded)
 * in a child process, so the child's peak resident size (getrusage ru_maxrss) is the import's
 * own; a child that does everything but the import gives the baseline, and one that only
 * parses and validates (the import's first step, through the same functions) splits the time
 * and memory into that step and the rest. Best of 3 runs each (peaks: the largest of 3).
 *
 *   bench-import SCHEMA [MODULES [OUTCOMES]]   SCHEMA: data/schemas/curriculum.xsd */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "acr-core.h"
#include "acr-xml.h"

#define RUNS 3

typedef struct
{
  double wall;      /* seconds */
  double cpu;       /* seconds, user + system */
  long   maxrss;    /* KiB */
} Sample;

static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
wall_now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static double
rusage_cpu (const struct rusage *ru)
{
  return ru->ru_utime.tv_sec + ru->ru_utime.tv_usec / 1e6 +
         ru->ru_stime.tv_sec + ru->ru_stime.tv_usec / 1e6;
}

static const char *
kind_of (guint o)
{
  static const char * const kinds[] = { "knowledge", "skill", "autonomy" };

  return kinds[o % 3];
}

/* The benchmark document, written straight into @path. */
static void
write_document (const char *path,
                guint       n_modules,
                guint       n_outcomes)
{
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fprintf (out,
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<curriculum xmlns=\"urn:accredit:curriculum:1\" code=\"BENCH\" version=\"1\" "
           "status=\"approved\" language=\"de\">\n"
           "  <title xml:lang=\"de\">Großer Lehrplan für Messungen</title>\n"
           "  <title xml:lang=\"en\">Large curriculum for measurements</title>\n"
           "  <description xml:lang=\"de\">Ein Lehrplan mit sehr vielen Modulen, um den Import "
           "zu messen.</description>\n"
           "  <provider>\n"
           "    <name>Handwerkskammer Beispielstadt</name>\n"
           "    <legalId>HRA 4711</legalId>\n"
           "    <country>DE</country>\n"
           "    <address>Kammerweg 1, 12345 Beispielstadt</address>\n"
           "    <web>https://hwk-beispielstadt.example.org</web>\n"
           "    <email>bildung@hwk-beispielstadt.example.org</email>\n"
           "  </provider>\n"
           "  <stacking rule=\"min-credits\" minimum=\"30\"/>\n"
           "  <modules>\n");

  for (guint m = 1; m <= n_modules; m++)
    {
      fprintf (out,
               "    <module code=\"BENCH-%05u\" version=\"1\" status=\"%s\" language=\"de\" "
               "required=\"%s\">\n"
               "      <title xml:lang=\"de\">Modul %u: Schweißen von Baustahl, Teil %u</title>\n"
               "      <title xml:lang=\"en\">Module %u: welding structural steel, part %u</title>\n"
               "      <description xml:lang=\"de\">Das Modul vermittelt Kenntnisse und Fertigkeiten "
               "für das Schweißen von Kehlnähten an unlegiertem Baustahl in Position PB, "
               "einschließlich Nahtvorbereitung und Sichtprüfung.</description>\n"
               "      <description xml:lang=\"en\">The module teaches the knowledge and skills for "
               "welding fillet joints in unalloyed structural steel in position PB, including "
               "joint preparation and visual inspection.</description>\n"
               "      <languages>de en</languages>\n"
               "      <workload hours=\"%u\" ects=\"%u.5\"/>\n"
               "      <assessment type=\"practical\" mode=\"summative\" "
               "supervision=\"supervised-onsite-id\"/>\n"
               "      <participation>onsite</participation>\n"
               "      <qualityAssurance type=\"internal-external\">Prüfungsausschuss der Kammer; "
               "externe Begutachtung</qualityAssurance>\n"
               "      <prerequisites>Grundkurs Metallbearbeitung.</prerequisites>\n"
               "      <validity months=\"36\"/>\n"
               "      <iscedF>0715</iscedF>\n"
               "      <stackability option=\"stackable\">Schweißfachkraft</stackability>\n"
               "      <furtherInformation>https://hwk-beispielstadt.example.org/m/%u"
               "</furtherInformation>\n"
               "      <outcomes>\n",
               m, m % 2 ? "approved" : "draft", m % 5 ? "true" : "false",
               m, m, m, m, 20 + m % 40, 1 + m % 4, m);

      for (guint o = 1; o <= n_outcomes; o++)
        fprintf (out,
                 "        <outcome id=\"M%u-O%u\" kind=\"%s\"%s>\n"
                 "          <statement xml:lang=\"de\">Die Teilnehmenden bereiten Stoß %u von "
                 "Modul %u fachgerecht vor und prüfen die Naht auf Fehler.</statement>\n"
                 "          <statement xml:lang=\"en\">Participants prepare joint %u of module %u "
                 "properly and inspect the seam for defects.</statement>\n"
                 "        </outcome>\n",
                 m, o, kind_of (o),
                 o == 1 ? " esco=\"http://data.europa.eu/esco/skill/7c3c1f05-0d8b-4f9f-9d08-"
                          "b8d2b1c5a1a1\"" : "",
                 o, m, o, m);

      fprintf (out,
               "      </outcomes>\n"
               "      <levels>\n"
               "        <level framework=\"DQR\" level=\"%u\">\n"
               "          <rationale>Selbständiges Arbeiten nach Vorgaben.</rationale>\n"
               "        </level>\n"
               "        <level framework=\"EQF\" level=\"%u\"/>\n"
               "      </levels>\n"
               "      <rubric title=\"Bewertung Modul %u\">\n"
               "        <performanceLevels>\n"
               "          <performanceLevel id=\"M%u-L1\" points=\"0\">nicht erfüllt"
               "</performanceLevel>\n"
               "          <performanceLevel id=\"M%u-L2\" points=\"2\">erfüllt</performanceLevel>\n"
               "          <performanceLevel id=\"M%u-L3\" points=\"3\">übertroffen"
               "</performanceLevel>\n"
               "        </performanceLevels>\n"
               "        <criteria>\n",
               3 + m % 2, 3 + m % 2, m, m, m, m);

      for (guint c = 0; c < 3; c++)
        {
          fprintf (out,
                   "          <criterion weight=\"1\">\n"
                   "            <description>Kriterium %u von Modul %u</description>\n", c + 1, m);
          for (guint o = c + 1; o <= n_outcomes; o += 3)
            fprintf (out, "            <assesses outcome=\"M%u-O%u\"/>\n", m, o);
          for (guint l = 1; l <= 3; l++)
            fprintf (out, "            <cell level=\"M%u-L%u\">Beschreibung der Stufe %u für "
                     "Kriterium %u.</cell>\n", m, l, l, c + 1);
          fprintf (out, "          </criterion>\n");
        }

      fprintf (out,
               "        </criteria>\n"
               "        <passRule minimumTotal=\"6\" minimumPoints=\"2\"/>\n"
               "      </rubric>\n"
               "    </module>\n");
    }

  fprintf (out, "  </modules>\n</curriculum>\n");
  g_assert_cmpint (fclose (out), ==, 0);
}

/* Runs @argv as a child; its wall time, CPU time and peak size. */
static Sample
run_program (const char * const *argv)
{
  struct rusage ru;
  Sample s = { 0 };
  double start = wall_now ();
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execvp (argv[0], (char * const *) argv);
      _exit (127);
    }

  g_assert_cmpint (wait4 (pid, &status, 0, &ru), ==, pid);
  s.wall = wall_now () - start;
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  s.cpu = rusage_cpu (&ru);
  s.maxrss = ru.ru_maxrss;
  return s;
}

typedef enum
{
  WORK_NONE,      /* the baseline: open the database and seed the frameworks */
  WORK_PARSE,     /* and parse and validate the document, as the import does first */
  WORK_IMPORT,    /* and import it */
} Work;

/* In a child: a fresh database with the frameworks, then @work alone, timed. The parent gets
 * the times through a pipe and the peak size from wait4(). */
static Sample
run_child (const char *path,
           const char *dir,
           guint       run,
           Work        work)
{
  struct rusage ru;
  Sample s = { 0 };
  int fds[2];
  int status = 0;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);

  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *db = g_strdup_printf ("%s/run-%u-%d.db", dir, run, work);
      g_autoptr(AcrStore) store = acr_store_open (db, &error);
      double times[2] = { 0, 0 };
      double wall;
      double cpu;

      if (store == NULL || !acr_seed_frameworks (store, &error))
        {
          g_printerr ("%s\n", error->message);
          _exit (1);
        }

      wall = wall_now ();
      cpu = cpu_now ();
      if (work == WORK_PARSE)
        {
          g_autoptr(xmlDoc) doc = acr_xml_parse_file_untrusted (path, &error);

          if (doc == NULL || !acr_xml_validate (doc, "curriculum", "bench.xml", &error))
            {
              g_printerr ("parse: %s\n", error->message);
              _exit (1);
            }
        }
      else if (work == WORK_IMPORT && acr_curriculum_import_file (store, path, &error) == 0)
        {
          g_printerr ("import: %s\n", error->message);
          _exit (1);
        }
      times[0] = wall_now () - wall;
      times[1] = cpu_now () - cpu;

      g_assert_cmpint (write (fds[1], times, sizeof times), ==, sizeof times);
      _exit (0);
    }

  close (fds[1]);
  {
    double times[2];

    g_assert_cmpint (read (fds[0], times, sizeof times), ==, sizeof times);
    s.wall = times[0];
    s.cpu = times[1];
  }
  close (fds[0]);

  g_assert_cmpint (wait4 (pid, &status, 0, &ru), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  s.maxrss = ru.ru_maxrss;
  return s;
}

static void
keep_best (Sample       *best,
           const Sample *s)
{
  if (best->wall == 0 || s->wall < best->wall)
    {
      best->wall = s->wall;
      best->cpu = s->cpu;
    }
  best->maxrss = MAX (best->maxrss, s->maxrss);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  const char *schema;
  guint n_modules = argc > 2 ? (guint) atoi (argv[2]) : 2000;
  guint n_outcomes = argc > 3 ? (guint) atoi (argv[3]) : 10;
  Sample floor = { 0 };
  Sample ours = { 0 };
  Sample base = { 0 };
  Sample parse = { 0 };
  GStatBuf st;
  double mib;

  if (argc < 2)
    {
      g_printerr ("usage: %s SCHEMA [MODULES [OUTCOMES]]\n", argv[0]);
      return 2;
    }
  schema = argv[1];

  dir = g_dir_make_tmp ("bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "curriculum.xml", NULL);
  write_document (path, n_modules, n_outcomes);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  mib = st.st_size / (1024.0 * 1024.0);

  g_print ("document: %u modules, %u outcomes, %.1f MiB\n", n_modules, n_modules * n_outcomes,
           mib);

  if (xmllint != NULL)
    {
      const char *lint[] = { xmllint, "--noout", "--nonet", "--schema", schema, path, NULL };

      for (guint run = 0; run < RUNS; run++)
        {
          Sample s = run_program (lint);

          keep_best (&floor, &s);
        }
      g_print ("floor  (xmllint --schema):  %6.3f s wall  %6.3f s CPU  peak %6.1f MiB\n",
               floor.wall, floor.cpu, floor.maxrss / 1024.0);
    }
  else
    g_print ("xmllint not found: no floor to compare with\n");

  for (guint run = 0; run < RUNS; run++)
    {
      Sample s = run_child (path, dir, run, WORK_IMPORT);
      Sample p = run_child (path, dir, run, WORK_PARSE);
      Sample b = run_child (path, dir, run, WORK_NONE);

      keep_best (&ours, &s);
      keep_best (&parse, &p);
      keep_best (&base, &b);
    }
  g_print ("import (fresh database):    %6.3f s wall  %6.3f s CPU  peak %6.1f MiB\n",
           ours.wall, ours.cpu, ours.maxrss / 1024.0);
  g_print ("  parse + validate (acr_xml_parse_file_untrusted, acr_xml_validate): "
           "%6.3f s wall  %6.3f s CPU  peak %6.1f MiB\n", parse.wall, parse.cpu,
           parse.maxrss / 1024.0);
  g_print ("  checks and writing the rows (the difference): %6.3f s wall  %6.3f s CPU  "
           "%+.1f MiB\n", ours.wall - parse.wall, ours.cpu - parse.cpu,
           (ours.maxrss - parse.maxrss) / 1024.0);
  g_print ("  a child that only opens the database and seeds the frameworks: peak %.1f MiB\n",
           base.maxrss / 1024.0);

  if (floor.wall > 0)
    g_print ("ratio: %.2f× the floor in wall time (target ≤ 3), %.2f× in CPU time\n",
             ours.wall / floor.wall, ours.cpu / floor.cpu);
  g_print ("memory: peak %.1f× the file (target < 10), %.1f× above the baseline child; "
           "parse + validate alone %.1f×\n", ours.maxrss / 1024.0 / mib,
           (ours.maxrss - base.maxrss) / 1024.0 / mib, parse.maxrss / 1024.0 / mib);

  /* Leave nothing behind, unless asked to keep the document (BENCH_KEEP=1) for profiling. */
  if (g_getenv ("BENCH_KEEP") != NULL)
    {
      g_print ("kept: %s\n", path);
      return 0;
    }
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
