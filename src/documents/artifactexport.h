#pragma once

#include "core/artifact.h"
#include "core/error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace AgentDesk {

// Exports one version of an artifact (product.md §9): documents as their Markdown, as HTML or as
// PDF; spreadsheets as CSV, a Markdown table, an HTML table or PDF; diagrams as a fenced Mermaid
// block, HTML or PDF (showing the source). HTML and PDF need a QGuiApplication (fonts and layout);
// PDF pages are A4 with the title in the document's metadata.
class ArtifactExport
{
public:
    enum class Format { Markdown, Html, Pdf, Csv };
    static std::optional<Format> formatFromName(const QString &name);
    static QString suffix(Format format);

    static Result<QByteArray> render(const Artifact &artifact, const ArtifactVersion &version, Format format);

    // The standalone HTML page of a version (also the input of the PDF).
    static Result<QString> html(const Artifact &artifact, const ArtifactVersion &version);
};

} // namespace AgentDesk
