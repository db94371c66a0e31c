-- 10,000 plugins × 5 versions, spread over every category, with searchable words. run.ts runs
-- VACUUM ANALYZE afterwards (it cannot run inside this multi-statement string).
INSERT INTO plugins (id, code, name, category, description, latest_version, version_count, created_at, updated_at)
SELECT gen_random_uuid(),
       'bench-' || i,
       'Bench ' || (ARRAY['Vision', 'Speech', 'Text', 'Tabular', 'Graph', 'Audio', 'Video', 'Tracking'])[1 + i % 8] || ' ' || i,
       (ARRAY['neural_net', 'export', 'upload', 'smart_tool', 'pre_annotation', 'post_annotation', 'data_validation', 'custom'])[1 + (i / 3) % 8],
       'Benchmark plugin ' || i || ' for ' || (ARRAY['detection', 'segmentation', 'classification', 'transcription', 'labelling'])[1 + i % 5] || ' pipelines.',
       '1.0.4', 5,
       now() - i * interval '1 minute', now() - i * interval '1 minute'
FROM generate_series(1, 10000) AS i;

INSERT INTO plugin_versions (id, plugin_id, version, config, actions, config_yaml, readme, sha256, size_bytes, format, created_at)
SELECT gen_random_uuid(), p.id, '1.0.' || v, '{}'::jsonb, '[]'::jsonb, '', '', repeat('0', 64), 4096, 'zip', p.created_at
FROM plugins p, generate_series(0, 4) AS v;
