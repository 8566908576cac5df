#pragma once

#include <QDateTime>
#include <QString>

namespace AgentDesk {

enum class ArtifactType { Document, Spreadsheet, Diagram };
enum class ArtifactAuthor { User, Assistant };

// A versioned document the model or the user writes; every change appends a version.
struct Artifact
{
    QString id;
    QString threadId;
    ArtifactType type = ArtifactType::Document;
    QString title;
    int currentVersion = 1;
    ArtifactAuthor currentAuthor = ArtifactAuthor::Assistant; // who wrote the current version
    QDateTime createdAt;
    QDateTime updatedAt;
    friend bool operator==(const Artifact &, const Artifact &) = default;
};

struct ArtifactVersion
{
    QString artifactId;
    int version = 1;
    QString content;
    ArtifactAuthor author = ArtifactAuthor::Assistant;
    QDateTime createdAt;
    friend bool operator==(const ArtifactVersion &, const ArtifactVersion &) = default;
};

} // namespace AgentDesk
