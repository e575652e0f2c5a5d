/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrFrameworkLevel: one level of a qualification framework (table framework_level) with
 * its descriptors per dimension and language (table framework_descriptor).
 *
 * A plain value object owned by its AcrFramework, which validates it and saves it in the
 * framework's transaction. Descriptors are kept sorted by dimension code, then language, so
 * that walking them is deterministic (exports depend on that). An empty descriptor text is
 * no descriptor. */

#define G_LOG_DOMAIN "acr-framework"

#include "config.h"

#include <string.h>

#include "acr-framework-level.h"
#include "acr-framework-private.h"
#include "acr-store-private.h"
#include "acr-validate.h"

typedef struct
{
  char *code;
  char *lang;
  char *text;
} Descriptor;

struct _AcrFrameworkLevel
{
  GObject    parent_instance;

  gint64     id;
  int        level;
  char      *label;
  int        eqf_level;
  char      *examples_de;
  char      *examples_en;
  GPtrArray *descriptors;   /* of Descriptor*, sorted by code, then lang */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_LEVEL,
  PROP_LABEL,
  PROP_EQF_LEVEL,
  PROP_EXAMPLES_DE,
  PROP_EXAMPLES_EN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrFrameworkLevel, acr_framework_level, G_TYPE_OBJECT)

static void
descriptor_free (gpointer data)
{
  Descriptor *d = data;

  g_free (d->code);
  g_free (d->lang);
  g_free (d->text);
  g_free (d);
}

static int
compare_key (const Descriptor *d,
             const char       *code,
             const char       *lang)
{
  int cmp = strcmp (d->code, code);

  return cmp != 0 ? cmp : strcmp (d->lang, lang);
}

/* The index of (@code, @lang), or where it would be inserted with *@found FALSE. */
static guint
find_descriptor (AcrFrameworkLevel *self,
                 const char        *code,
                 const char        *lang,
                 gboolean          *found)
{
  guint i;

  for (i = 0; i < self->descriptors->len; i++)
    {
      int cmp = compare_key (g_ptr_array_index (self->descriptors, i), code, lang);

      if (cmp == 0)
        {
          *found = TRUE;
          return i;
        }
      if (cmp > 0)
        break;
    }

  *found = FALSE;
  return i;
}

static const char *
lookup (AcrFrameworkLevel *self,
        const char        *code,
        const char        *lang)
{
  gboolean found;
  guint i = find_descriptor (self, code, lang, &found);

  if (!found)
    return NULL;

  return ((Descriptor *) g_ptr_array_index (self->descriptors, i))->text;
}

static gboolean
lang_is_valid (const char *lang)
{
  g_auto(GStrv) parts = g_strsplit (lang, "-", -1);
  gsize len = strlen (parts[0]);

  if (len < 2 || len > 3)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (parts[0][i]))
      return FALSE;

  for (guint p = 1; parts[p] != NULL; p++)
    {
      gsize plen = strlen (parts[p]);

      if (plen < 1 || plen > 8)
        return FALSE;
      for (gsize i = 0; i < plen; i++)
        if (!g_ascii_isalnum (parts[p][i]))
          return FALSE;
    }

  return TRUE;
}

static void
acr_framework_level_finalize (GObject *object)
{
  AcrFrameworkLevel *self = (AcrFrameworkLevel *) object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->examples_de, g_free);
  g_clear_pointer (&self->examples_en, g_free);
  g_clear_pointer (&self->descriptors, g_ptr_array_unref);

  G_OBJECT_CLASS (acr_framework_level_parent_class)->finalize (object);
}

static void
acr_framework_level_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AcrFrameworkLevel *self = ACR_FRAMEWORK_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_EQF_LEVEL:
      g_value_set_int (value, self->eqf_level);
      break;
    case PROP_EXAMPLES_DE:
      g_value_set_string (value, self->examples_de);
      break;
    case PROP_EXAMPLES_EN:
      g_value_set_string (value, self->examples_en);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_framework_level_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AcrFrameworkLevel *self = ACR_FRAMEWORK_LEVEL (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      acr_framework_level_set_level (self, g_value_get_int (value));
      break;
    case PROP_LABEL:
      acr_framework_level_set_label (self, g_value_get_string (value));
      break;
    case PROP_EQF_LEVEL:
      acr_framework_level_set_eqf_level (self, g_value_get_int (value));
      break;
    case PROP_EXAMPLES_DE:
      acr_framework_level_set_examples_de (self, g_value_get_string (value));
      break;
    case PROP_EXAMPLES_EN:
      acr_framework_level_set_examples_en (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_framework_level_class_init (AcrFrameworkLevelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_framework_level_finalize;
  object_class->get_property = acr_framework_level_get_property;
  object_class->set_property = acr_framework_level_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  /* Out-of-range numbers are accepted here and refused by acr_framework_validate(). */
  properties[PROP_LEVEL] = g_param_spec_int ("level", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, rw);
  properties[PROP_EQF_LEVEL] = g_param_spec_int ("eqf-level", NULL, NULL,
                                                 G_MININT, G_MAXINT, 0, rw);
  properties[PROP_EXAMPLES_DE] = g_param_spec_string ("examples-de", NULL, NULL, NULL, rw);
  properties[PROP_EXAMPLES_EN] = g_param_spec_string ("examples-en", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_framework_level_init (AcrFrameworkLevel *self)
{
  self->descriptors = g_ptr_array_new_with_free_func (descriptor_free);
}

void
_acr_framework_level_set_id (AcrFrameworkLevel *self,
                             gint64             id)
{
  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gboolean
_acr_framework_level_remove_dimension (AcrFrameworkLevel *self,
                                       const char        *dimension_code)
{
  gboolean removed = FALSE;

  for (guint i = self->descriptors->len; i > 0; i--)
    {
      Descriptor *d = g_ptr_array_index (self->descriptors, i - 1);

      if (g_strcmp0 (d->code, dimension_code) == 0)
        {
          g_ptr_array_remove_index (self->descriptors, i - 1);
          removed = TRUE;
        }
    }

  return removed;
}

const char *
_acr_framework_level_find_unknown_dimension (AcrFrameworkLevel *self,
                                             GHashTable        *codes)
{
  for (guint i = 0; i < self->descriptors->len; i++)
    {
      Descriptor *d = g_ptr_array_index (self->descriptors, i);

      if (!g_hash_table_contains (codes, d->code))
        return d->code;
    }

  return NULL;
}

const char *
_acr_framework_level_find_bad_lang (AcrFrameworkLevel *self)
{
  for (guint i = 0; i < self->descriptors->len; i++)
    {
      Descriptor *d = g_ptr_array_index (self->descriptors, i);

      if (!lang_is_valid (d->lang))
        return d->lang;
    }

  return NULL;
}

AcrFrameworkLevel *
acr_framework_level_new (void)
{
  return g_object_new (ACR_TYPE_FRAMEWORK_LEVEL, NULL);
}

AcrFrameworkLevel *
acr_framework_level_new_full (int         level,
                              const char *label,
                              int         eqf_level)
{
  AcrFrameworkLevel *self = acr_framework_level_new ();

  self->level = level;
  self->label = _acr_dup_nonempty (label);
  self->eqf_level = eqf_level;

  return self;
}

gint64
acr_framework_level_get_id (AcrFrameworkLevel *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_LEVEL (self), 0);

  return self->id;
}

int
acr_framework_level_get_level (AcrFrameworkLevel *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_LEVEL (self), 0);

  return self->level;
}

void
acr_framework_level_set_level (AcrFrameworkLevel *self,
                               int                level)
{
  g_return_if_fail (ACR_IS_FRAMEWORK_LEVEL (self));

  if (self->level == level)
    return;

  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

const char *
acr_framework_level_get_label (AcrFrameworkLevel *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_LEVEL (self), NULL);

  return self->label;
}

void
acr_framework_level_set_label (AcrFrameworkLevel *self,
                               const char        *label)
{
  g_autofree char *copy = NULL;

  g_return_if_fail (ACR_IS_FRAMEWORK_LEVEL (self));

  copy = _acr_dup_nonempty (label);
  if (_acr_set_string (&self->label, copy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

int
acr_framework_level_get_eqf_level (AcrFrameworkLevel *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_LEVEL (self), 0);

  return self->eqf_level;
}

void
acr_framework_level_set_eqf_level (AcrFrameworkLevel *self,
                                   int                eqf_level)
{
  g_return_if_fail (ACR_IS_FRAMEWORK_LEVEL (self));

  if (self->eqf_level == eqf_level)
    return;

  self->eqf_level = eqf_level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EQF_LEVEL]);
}

const char *
acr_framework_level_get_examples_de (AcrFrameworkLevel *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_LEVEL (self), NULL);

  return self->examples_de;
}

void
acr_framework_level_set_examples_de (AcrFrameworkLevel *self,
                                     const char        *examples)
{
  g_autofree char *copy = NULL;

  g_return_if_fail (ACR_IS_FRAMEWORK_LEVEL (self));

  copy = _acr_dup_nonempty (examples);
  if (_acr_set_string (&self->examples_de, copy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXAMPLES_DE]);
}

const char *
acr_framework_level_get_examples_en (AcrFrameworkLevel *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_LEVEL (self), NULL);

  return self->examples_en;
}

void
acr_framework_level_set_examples_en (AcrFrameworkLevel *self,
                                     const char        *examples)
{
  g_autofree char *copy = NULL;

  g_return_if_fail (ACR_IS_FRAMEWORK_LEVEL (self));

  copy = _acr_dup_nonempty (examples);
  if (_acr_set_string (&self->examples_en, copy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXAMPLES_EN]);
}

const char *
acr_framework_level_get_descriptor (AcrFrameworkLevel *self,
                                    const char        *dimension_code,
                                    const char        *lang)
{
  const char *text = NULL;

  g_return_val_if_fail (ACR_IS_FRAMEWORK_LEVEL (self), NULL);
  g_return_val_if_fail (dimension_code != NULL, NULL);

  if (lang != NULL)
    text = lookup (self, dimension_code, lang);
  if (text == NULL)
    text = lookup (self, dimension_code, "en");
  if (text == NULL)
    text = lookup (self, dimension_code, "de");

  return text;
}

void
acr_framework_level_set_descriptor (AcrFrameworkLevel *self,
                                    const char        *dimension_code,
                                    const char        *lang,
                                    const char        *text)
{
  Descriptor *d;
  gboolean found;
  guint i;

  g_return_if_fail (ACR_IS_FRAMEWORK_LEVEL (self));
  g_return_if_fail (dimension_code != NULL);
  g_return_if_fail (lang != NULL);

  i = find_descriptor (self, dimension_code, lang, &found);

  if (text == NULL || text[0] == '\0')
    {
      if (found)
        g_ptr_array_remove_index (self->descriptors, i);
      return;
    }

  if (found)
    {
      d = g_ptr_array_index (self->descriptors, i);
      _acr_set_string (&d->text, text);
      return;
    }

  d = g_new0 (Descriptor, 1);
  d->code = g_strdup (dimension_code);
  d->lang = g_strdup (lang);
  d->text = g_strdup (text);
  g_ptr_array_insert (self->descriptors, (int) i, d);
}

guint
acr_framework_level_get_n_descriptors (AcrFrameworkLevel *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_LEVEL (self), 0);

  return self->descriptors->len;
}

void
acr_framework_level_foreach_descriptor (AcrFrameworkLevel          *self,
                                        AcrFrameworkDescriptorFunc  func,
                                        gpointer                    user_data)
{
  g_return_if_fail (ACR_IS_FRAMEWORK_LEVEL (self));
  g_return_if_fail (func != NULL);

  for (guint i = 0; i < self->descriptors->len; i++)
    {
      Descriptor *d = g_ptr_array_index (self->descriptors, i);

      func (d->code, d->lang, d->text, user_data);
    }
}
