/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrCurriculumEntry: one module of a curriculum, a row of the table curriculum_module.
 *
 * An entry holds the module's id, its 1-based position in the curriculum and whether it is
 * required. It belongs to its AcrCurriculum, which alone changes the module and the position
 * and writes the entries when the curriculum is saved. The module's code, title and version
 * are a read-only copy from the database, refreshed when the curriculum is loaded or saved;
 * they are shown to people and never written back. */

#define G_LOG_DOMAIN "acr-curriculum-entry"

#include "config.h"

#include "acr-curriculum-private.h"
#include "acr-store-private.h"

struct _AcrCurriculumEntry
{
  GObject  parent_instance;

  gint64   module_id;
  guint    position;
  char    *module_code;
  char    *module_title;
  guint    module_version;
  guint    required : 1;
};

enum {
  PROP_0,
  PROP_MODULE_ID,
  PROP_POSITION,
  PROP_REQUIRED,
  PROP_MODULE_CODE,
  PROP_MODULE_TITLE,
  PROP_MODULE_VERSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrCurriculumEntry, acr_curriculum_entry, G_TYPE_OBJECT)

static void
acr_curriculum_entry_finalize (GObject *object)
{
  AcrCurriculumEntry *self = (AcrCurriculumEntry *) object;

  g_clear_pointer (&self->module_code, g_free);
  g_clear_pointer (&self->module_title, g_free);

  G_OBJECT_CLASS (acr_curriculum_entry_parent_class)->finalize (object);
}

static void
acr_curriculum_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AcrCurriculumEntry *self = ACR_CURRICULUM_ENTRY (object);

  switch (prop_id)
    {
    case PROP_MODULE_ID:
      g_value_set_int64 (value, self->module_id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_MODULE_CODE:
      g_value_set_string (value, self->module_code);
      break;
    case PROP_MODULE_TITLE:
      g_value_set_string (value, self->module_title);
      break;
    case PROP_MODULE_VERSION:
      g_value_set_uint (value, self->module_version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_curriculum_entry_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AcrCurriculumEntry *self = ACR_CURRICULUM_ENTRY (object);

  switch (prop_id)
    {
    case PROP_REQUIRED:
      acr_curriculum_entry_set_required (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_curriculum_entry_class_init (AcrCurriculumEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_curriculum_entry_finalize;
  object_class->get_property = acr_curriculum_entry_get_property;
  object_class->set_property = acr_curriculum_entry_set_property;

  properties[PROP_MODULE_ID] =
    g_param_spec_int64 ("module-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE_CODE] =
    g_param_spec_string ("module-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE_TITLE] =
    g_param_spec_string ("module-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE_VERSION] =
    g_param_spec_uint ("module-version", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_curriculum_entry_init (AcrCurriculumEntry *self)
{
  self->required = TRUE;
}

AcrCurriculumEntry *
_acr_curriculum_entry_new (gint64   module_id,
                           guint    position,
                           gboolean required)
{
  AcrCurriculumEntry *self = g_object_new (ACR_TYPE_CURRICULUM_ENTRY, NULL);

  self->module_id = module_id;
  self->position = position;
  self->required = !!required;
  return self;
}

void
_acr_curriculum_entry_set_position (AcrCurriculumEntry *self,
                                    guint               position)
{
  g_return_if_fail (ACR_IS_CURRICULUM_ENTRY (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

void
_acr_curriculum_entry_set_module (AcrCurriculumEntry *self,
                                  const char         *code,
                                  const char         *title,
                                  guint               version)
{
  g_return_if_fail (ACR_IS_CURRICULUM_ENTRY (self));

  if (_acr_set_string (&self->module_code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODULE_CODE]);
  if (_acr_set_string (&self->module_title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODULE_TITLE]);
  if (self->module_version != version)
    {
      self->module_version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODULE_VERSION]);
    }
}

gint64
acr_curriculum_entry_get_module_id (AcrCurriculumEntry *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM_ENTRY (self), 0);

  return self->module_id;
}

guint
acr_curriculum_entry_get_position (AcrCurriculumEntry *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM_ENTRY (self), 0);

  return self->position;
}

gboolean
acr_curriculum_entry_get_required (AcrCurriculumEntry *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM_ENTRY (self), FALSE);

  return self->required;
}

void
acr_curriculum_entry_set_required (AcrCurriculumEntry *self,
                                   gboolean            required)
{
  g_return_if_fail (ACR_IS_CURRICULUM_ENTRY (self));

  required = !!required;
  if (self->required == (guint) required)
    return;

  self->required = required;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRED]);
}

const char *
acr_curriculum_entry_get_module_code (AcrCurriculumEntry *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM_ENTRY (self), NULL);

  return self->module_code;
}

const char *
acr_curriculum_entry_get_module_title (AcrCurriculumEntry *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM_ENTRY (self), NULL);

  return self->module_title;
}

guint
acr_curriculum_entry_get_module_version (AcrCurriculumEntry *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM_ENTRY (self), 0);

  return self->module_version;
}
