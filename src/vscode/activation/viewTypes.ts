// The webview panel types whose serializers the activation shell registers (restore after reload).
export const DASHBOARD_VIEW_TYPE = 'firebreak.dashboard';
export const METRICS_VIEW_TYPE = 'firebreak.metrics';
