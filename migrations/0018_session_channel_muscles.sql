-- The channel-to-muscle mapping a session was uploaded with, e.g. {"CH1": "Left Quadriceps",
-- "CH2": "Right Quadriceps"}: channel name -> muscle. The original client sends it with every
-- upload (channel_muscle_mapping); POST /sessions now keeps it, else the patient's mapping (below).
-- Null when neither names a muscle. Exports use it as the EMG-BIDS channels' target_muscle.
-- The table's grants and row policies (0013) cover the new column.

alter table public.therapy_sessions add column if not exists channel_muscle_mapping jsonb;

do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'therapy_sessions_channel_muscle_mapping_object') then
    alter table public.therapy_sessions add constraint therapy_sessions_channel_muscle_mapping_object
      check (channel_muscle_mapping is null or jsonb_typeof(channel_muscle_mapping) = 'object');
  end if;
end $$;

-- A patient's own mapping (PATCH /patients/{code}), for the sessions uploaded without one: each
-- such session keeps a copy of the patient's mapping as it was at its upload, webhook uploads
-- included.
alter table public.patients add column if not exists channel_muscle_mapping jsonb;

do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'patients_channel_muscle_mapping_object') then
    alter table public.patients add constraint patients_channel_muscle_mapping_object
      check (channel_muscle_mapping is null or jsonb_typeof(channel_muscle_mapping) = 'object');
  end if;
end $$;
