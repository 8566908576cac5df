#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "agentdesk.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "agentdesk.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "agentdesk.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRun, "agentdesk.run", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMcp, "agentdesk.mcp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "agentdesk.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "agentdesk.api", QtInfoMsg)
