-- session_settings holds the settings a session was analysed with. The analysis accepts a 0 %
-- MVC threshold (every contraction meets MVC) and 0 expected contractions (completion counts as
-- full), but the table's checks required > 0, so such a session reported the column defaults
-- (75 %, 12) instead of what was used. Zero is allowed from here on; negative values still not.
alter table public.session_settings drop constraint if exists session_settings_mvc_threshold_percentage_check;
alter table public.session_settings
  add constraint session_settings_mvc_threshold_percentage_check
  check (mvc_threshold_percentage >= 0 and mvc_threshold_percentage <= 100);

alter table public.session_settings drop constraint if exists session_settings_target_mvc75_ch1_check;
alter table public.session_settings add constraint session_settings_target_mvc75_ch1_check check (target_mvc75_ch1 >= 0);
alter table public.session_settings drop constraint if exists session_settings_target_mvc75_ch2_check;
alter table public.session_settings add constraint session_settings_target_mvc75_ch2_check check (target_mvc75_ch2 >= 0);

alter table public.session_settings drop constraint if exists session_settings_target_contractions_ch1_check;
alter table public.session_settings
  add constraint session_settings_target_contractions_ch1_check check (target_contractions_ch1 >= 0);
alter table public.session_settings drop constraint if exists session_settings_target_contractions_ch2_check;
alter table public.session_settings
  add constraint session_settings_target_contractions_ch2_check check (target_contractions_ch2 >= 0);
