#pragma once

// Named starting points shipped as JSON data in resources/presets/ (compiled
// into the binary), and the mapping between the JSON settings object and the
// engine's configuration that presets and saved files share.

#include "core/attention.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

QStringList presetNames();

// The preset's configuration, or nullopt with *error set.
std::optional<attn::AttentionConfig> loadPreset(const QString& name, QString* error);

// Reads the keys of a settings object ("sentence", "d_model", ...); keys that
// are absent keep the value in `base`. Wrongly typed values are errors.
std::optional<attn::AttentionConfig> configFromJson(const QJsonObject& object, const attn::AttentionConfig& base,
                                                    QString* error);
QJsonObject configToJson(const attn::AttentionConfig& config);
