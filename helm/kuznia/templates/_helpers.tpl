{{/* Chart name, overridable so two charts with the same name can coexist. */}}
{{- define "kuznia.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name, capped at 63 characters because some Kubernetes name fields are
limited to that (DNS label). A release already called "kuznia" is not repeated.
*/}}
{{- define "kuznia.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "kuznia.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kuznia.labels" -}}
helm.sh/chart: {{ include "kuznia.chart" . }}
{{ include "kuznia.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: kuznia
{{- end }}

{{/* Selector labels must never change after the first install: Deployment selectors are immutable. */}}
{{- define "kuznia.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kuznia.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "kuznia.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "kuznia.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "kuznia.databaseSecret" -}}
{{- default .Values.secrets.existingSecret .Values.secrets.databaseSecret }}
{{- end }}

{{/*
Cross-field rules JSON Schema draft-07 cannot express; rendering stops with a clear message.
*/}}
{{- define "kuznia.validate" -}}
{{- if and .Values.hpa.enabled (gt (int .Values.hpa.minReplicas) (int .Values.hpa.maxReplicas)) }}
{{- fail (printf "hpa.minReplicas (%d) must not exceed hpa.maxReplicas (%d)" (int .Values.hpa.minReplicas) (int .Values.hpa.maxReplicas)) }}
{{- end }}
{{- if ne (empty .Values.secrets.keys.mailUsername) (empty .Values.secrets.keys.mailPassword) }}
{{- fail "secrets.keys.mailUsername and secrets.keys.mailPassword must be set together (or both left empty for SMTP without authentication)" }}
{{- end }}
{{- end }}
