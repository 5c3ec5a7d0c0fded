-- bench/history: base data + history_seed_event(i, people, start, past), which seeds one
-- whole meeting (from the SQL audit's seed, /tmp/audit/seed.sql, cut to what the measured
-- organiser pages read). Meeting 0 is the target; 1..PAST are the earlier meetings.
--
-- Foreign keys are not checked while seeding (session_replication_role = replica), so the
-- rows are kept consistent by construction: every id is history_uuid(kind, ...) and each
-- row points at rows seeded before it. Past meetings' participants are accounts 20000 and
-- up, the target's below 13000, so the target's own answers (the list's "other editions")
-- are the same with or without the history; organisers and facilitators are staff of every
-- meeting, as a network's staff is. No timestamp depends on now(): the target must be
-- byte-identical wherever it is seeded.
SET session_replication_role = replica;

CREATE OR REPLACE FUNCTION history_uuid(kind text, a bigint, b bigint DEFAULT 0, c bigint DEFAULT 0)
RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT md5(kind||':'||a||':'||b||':'||c)::uuid $$;

-- The seed's "now": a fixed moment after every seeded meeting.
CREATE OR REPLACE FUNCTION history_now()
RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$ SELECT timestamptz '2026-11-20 09:00:00+00' $$;

INSERT INTO organisations (id, name, country, city, created_at)
SELECT history_uuid('org', g), 'Org '||g, (ARRAY['FR','MA','SN','KH','BR','CO'])[1 + g % 6], 'City '||g,
       history_now() - interval '3 years'
  FROM generate_series(0, 299) g ON CONFLICT DO NOTHING;

INSERT INTO accounts (id, email, name, locale, organisation_id, email_verified_at, created_at, updated_at)
SELECT history_uuid('acc', g), 'user'||g||'@example.org', 'Person '||lpad(g::text, 5, '0')||' Élodie',
       (ARRAY['fr','en','es'])[1 + g % 3], history_uuid('org', g % 300), history_now() - interval '3 years',
       history_now() - interval '3 years', history_now() - interval '3 years'
  FROM generate_series(0, 39999) g ON CONFLICT DO NOTHING;

-- Meeting i: `people` registrations, 6 days x 4 slots x 5 parallel sessions in 8 rooms.
CREATE OR REPLACE FUNCTION history_seed_event(i int, people int, start date, past boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ev uuid := history_uuid('event', i);
  days int := 6;
  t0 timestamptz := history_now();
BEGIN
  SET LOCAL session_replication_role = replica;
  INSERT INTO events (id, slug, name, kind, timezone, start_date, end_date, venue_name, venue_city, venue_country,
                      capacity, languages, host_organisation_id, status, published_at, created_by,
                      names, seats_confirmed, seats_waitlisted, last_waitlist_seq, contact_email,
                      created_at, updated_at)
  VALUES (ev, 'meeting-'||i, 'Meeting '||i, 'meeting', 'Africa/Casablanca', start, start + days - 1,
          'Venue', 'Rabat', 'MA', people, '{fr,en}', history_uuid('org', i % 300),
          CASE WHEN past THEN 'closed' ELSE 'published' END, start - 300, history_uuid('acc', 0),
          jsonb_build_object('fr', 'Rencontre '||i, 'en', 'Meeting '||i),
          0, 0, 0, 'org@example.org', start - 320, start - 300);

  INSERT INTO event_staff (event_id, account_id, role)
  SELECT ev, history_uuid('acc', k), 'organiser' FROM generate_series(0, 2) k;
  INSERT INTO event_staff (event_id, account_id, role)
  SELECT ev, history_uuid('acc', 39000 + k), 'facilitator' FROM generate_series(0, 19) k;

  INSERT INTO rooms (id, event_id, name, capacity)
  SELECT history_uuid('room', i, r), ev, 'Room '||r, 80 FROM generate_series(0, 7) r;

  -- sessions: day d, slot t (4 a day), parallel p (5 a slot); workshops hold a quarter of
  -- the people in rooms of 80 and facilitators are drawn at random: the agenda has conflicts.
  INSERT INTO sessions (id, event_id, kind, title, titles, starts_at, ends_at, room_id, language, capacity,
                        signup_required, status, published_at, created_by, created_at, updated_at)
  SELECT history_uuid('session', i, d*100 + t*10 + p), ev,
         CASE WHEN p = 0 AND t = 0 THEN 'plenary' WHEN p = 4 AND t = 1 THEN 'site_visit'
              WHEN t = 3 AND p = 0 THEN 'meal' ELSE 'workshop' END,
         'Session '||d||'-'||t||'-'||p, jsonb_build_object('fr', 'Séance '||d||'-'||t||'-'||p, 'en', 'Session '||d||'-'||t||'-'||p),
         (start + d)::timestamp AT TIME ZONE 'UTC' + make_interval(hours => 8 + t*2),
         (start + d)::timestamp AT TIME ZONE 'UTC' + make_interval(hours => 9 + t*2, mins => 30),
         history_uuid('room', i, p), 'fr', CASE WHEN p = 0 THEN NULL ELSE greatest(people / 4, 10) END,
         p <> 0, CASE WHEN d = 5 AND t = 3 AND p = 3 THEN 'cancelled' ELSE 'published' END, start - 90,
         history_uuid('acc', 0), start - 120, start - 90
    FROM generate_series(0, days - 1) d, generate_series(0, 3) t, generate_series(0, 4) p;

  INSERT INTO session_facilitators (session_id, account_id)
  SELECT s.id, history_uuid('acc', 39000 + (abs(hashtext(s.id::text)) % 20)) FROM sessions s WHERE s.event_id = ev;

  INSERT INTO site_visits (session_id, host_organisation_id, address, meeting_point, departure_at, return_at, transport_mode, seats)
  SELECT s.id, history_uuid('org', 5), 'Addr', 'Lobby', s.starts_at, s.ends_at, 'bus', 40
    FROM sessions s WHERE s.event_id = ev AND s.kind = 'site_visit';

  -- registrations: person j -> account j*13 (the target) or 20000 + (i*7919 + j*13) mod 20000
  INSERT INTO registrations (id, event_id, account_id, organisation_id, status, profession, languages,
                             consent_data_processing_at, waitlist_seq, status_changed_at, created_at, updated_at, phone)
  SELECT history_uuid('reg', i, j), ev, history_uuid('acc', a.n), history_uuid('org', a.n % 300),
         CASE WHEN j % 20 < 17 THEN 'confirmed' WHEN j % 20 = 17 THEN 'waitlisted' WHEN j % 20 = 18 THEN 'pending' ELSE 'cancelled' END,
         (ARRAY['social_worker','head_of_service','psychologist','legal_expert','manager'])[1 + j % 5], '{fr}',
         start - 220, CASE WHEN j % 20 = 17 THEN j END,
         start - 100, start - 200 + (j % 150), start - 200 + (j % 150), '+212600000'||j % 1000
    FROM generate_series(0, people - 1) j,
         LATERAL (SELECT CASE WHEN i = 0 THEN j*13 ELSE 20000 + (i*7919 + j*13) % 20000 END AS n) a;

  UPDATE events SET seats_confirmed = (SELECT count(*) FROM registrations WHERE event_id = ev AND status = 'confirmed'),
                    seats_waitlisted = (SELECT count(*) FROM registrations WHERE event_id = ev AND status = 'waitlisted'),
                    last_waitlist_seq = people WHERE id = ev;

  -- signups: every confirmed person, one session per slot (parallel chosen by j and slot);
  -- two in three marked attended (every meeting here has ended)
  INSERT INTO signups (id, seq, session_id, event_id, registration_id, account_id, status, starts_at, ends_at,
                       attended, attendance_marked_at, confirmed_at, created_at)
  OVERRIDING SYSTEM VALUE
  SELECT history_uuid('signup', i, j, d*10 + t), i::bigint*10000000 + j*100 + d*10 + t, s.id, ev, r.id, r.account_id, 'confirmed', s.starts_at, s.ends_at,
         CASE WHEN (j + d + t) % 3 <> 0 THEN true ELSE NULL END,
         CASE WHEN (j + d + t) % 3 <> 0 THEN s.ends_at END, start - 60, start - 60
    FROM generate_series(0, people - 1) j
    JOIN registrations r ON r.id = history_uuid('reg', i, j) AND r.status = 'confirmed',
         generate_series(0, days - 1) d, generate_series(0, 3) t
    JOIN LATERAL (SELECT id, starts_at, ends_at FROM sessions WHERE id = history_uuid('session', i, d*100 + t*10 + (j + d + t) % 5)) s ON true;

  INSERT INTO session_attendance (session_id, account_id, attended_at, recorded_by, source)
  SELECT g.session_id, g.account_id, g.ends_at, history_uuid('acc', 0), CASE WHEN g.seq % 2 = 0 THEN 'door' ELSE 'list' END
    FROM signups g WHERE g.event_id = ev AND (g.seq % 7) < 4;

  INSERT INTO travel_plans (registration_id, event_id, passport_nationality, visa_status, visa_status_changed_at,
                            arrival_flight, arrival_airport, arrival_at, arrival_timezone,
                            departure_flight, departure_airport, departure_at, departure_timezone,
                            letter_reference, letter_code, letter_issued_at, consulate_country, consulate_city,
                            created_at, updated_at)
  SELECT r.id, ev, (ARRAY['FR','MA','SN','KH','BR','CO'])[1 + j % 6],
         (ARRAY['not_required','letter_requested','letter_issued','applied','granted','refused'])[1 + j % 6], start - 50,
         'AT'||(j % 900), (ARRAY['RBA','CMN','RAK'])[1 + j % 3], (start - 1)::timestamp AT TIME ZONE 'UTC' + make_interval(hours => j % 24), 'Africa/Casablanca',
         'AT'||(j % 900 + 1), (ARRAY['RBA','CMN','RAK'])[1 + j % 3], (start + days)::timestamp AT TIME ZONE 'UTC' + make_interval(hours => j % 24), 'Africa/Casablanca',
         CASE WHEN j % 6 IN (2,3,4,5) THEN 'VL-'||i||'-'||j END, CASE WHEN j % 6 IN (2,3,4,5) THEN md5('letter'||r.id::text) END,
         CASE WHEN j % 6 IN (2,3,4,5) THEN start - 40 END, 'FR', 'Paris', start - 80, start - 50
    FROM generate_series(0, people - 1) j JOIN registrations r ON r.id = history_uuid('reg', i, j)
   WHERE j % 10 < 8;

  INSERT INTO accommodation_hotels (id, event_id, name, address, city, created_at)
  SELECT history_uuid('hotel', i, h), ev, 'Hotel '||h, 'Addr', 'Rabat', start - 150 + h FROM generate_series(0, 2) h;
  INSERT INTO accommodation_inventory (hotel_id, room_type, night, rooms)
  SELECT history_uuid('hotel', i, h), rt, start - 1 + n, 200
    FROM generate_series(0, 2) h, unnest(ARRAY['single','twin']) rt, generate_series(0, days) n;
  INSERT INTO accommodation_rooms (id, hotel_id, room_type, position, label, capacity)
  SELECT history_uuid('hroom', i, h*1000 + CASE rt WHEN 'single' THEN 0 ELSE 500 END + pos), history_uuid('hotel', i, h), rt, pos, rt||pos,
         CASE rt WHEN 'single' THEN 1 ELSE 2 END
    FROM generate_series(0, 2) h, unnest(ARRAY['single','twin']) rt, generate_series(1, 200) pos;
  INSERT INTO accommodation_stays (registration_id, event_id, room_preference, room_needs, updated_at)
  SELECT r.id, ev, CASE WHEN j % 2 = 0 THEN 'single' ELSE 'shared' END, CASE WHEN j % 10 = 0 THEN 'ground floor' END,
         start - 70
    FROM generate_series(0, people - 1) j JOIN registrations r ON r.id = history_uuid('reg', i, j) AND r.status = 'confirmed'
   WHERE j % 10 < 7;
  INSERT INTO room_assignments (registration_id, night, room_id, event_id, assigned_by, assigned_at)
  SELECT st.registration_id, start - 1 + n,
         history_uuid('hroom', i, (q % 3)*1000 + (q / 3) % 200 + 1), ev, history_uuid('acc', 0), start - 30
    FROM (SELECT registration_id, row_number() OVER (ORDER BY registration_id) - 1 AS q FROM accommodation_stays WHERE event_id = ev) st,
         generate_series(0, days - 1) n
   WHERE st.q < 600;

  INSERT INTO cost_items (id, registration_id, event_id, kind, amount_minor, currency, payer, advanced_by, status, created_by,
                          created_at, status_changed_at)
  SELECT history_uuid('cost', i, j, k), r.id, ev, (ARRAY['flight','accommodation','per_diem'])[k], 10000 + j, 'EUR',
         'network', 'network', (ARRAY['to_pay','paid','reimbursed'])[1 + (j + k) % 3], history_uuid('acc', 0),
         start - 45, start - 45
    FROM generate_series(0, people - 1) j JOIN registrations r ON r.id = history_uuid('reg', i, j) AND r.status = 'confirmed',
         generate_series(1, 3) k;
  INSERT INTO cost_status_changes (cost_item_id, registration_id, event_id, from_status, to_status, changed_by, changed_at)
  SELECT c.id, c.registration_id, ev, NULL, c.status, history_uuid('acc', 0), start - 45 FROM cost_items c WHERE c.event_id = ev;
  INSERT INTO cost_receipts (cost_item_id, registration_id, event_id, storage_key, content_type, size_bytes, file_name, uploaded_at)
  SELECT c.id, c.registration_id, ev, 'receipts/'||c.id, 'application/pdf', 1000, 'r.pdf', start - 44
    FROM cost_items c WHERE c.event_id = ev AND c.kind = 'flight';
  INSERT INTO event_cost_coverage (event_id, currency, travel_payer, visa_fees_payer, accommodation_payer, meals_payer,
                                   per_diem_payer, per_diem_daily_minor, per_diem_currency)
  VALUES (ev, 'EUR', 'network', 'network', 'network', 'network', 'network', 3000, 'EUR');
  INSERT INTO registration_cost_coverage (registration_id, event_id, travel_payer)
  SELECT r.id, ev, 'partner' FROM registrations r WHERE r.event_id = ev AND abs(hashtext(r.id::text)) % 5 = 0;

  -- feedback: one event form (form 0, named) + 10 session forms, 5 questions each
  INSERT INTO feedback_forms (id, event_id, session_id, titles, anonymous, closes_at, created_by, created_at)
  SELECT history_uuid('form', i, f), ev, CASE WHEN f = 0 THEN NULL ELSE history_uuid('session', i, ((f-1)/4)*100 + ((f-1)%4)*10 + 1) END,
         '{"fr":"Avis"}'::jsonb, f % 2 = 1, (start + days + 30)::timestamptz, history_uuid('acc', 0), start - 10
    FROM generate_series(0, 10) f;
  INSERT INTO feedback_questions (id, form_id, position, kind, texts, options)
  SELECT history_uuid('q', i, f, q), history_uuid('form', i, f), q, (ARRAY['rating','rating','choice','text','rating'])[q],
         '{"fr":"Q"}'::jsonb, CASE WHEN q = 3 THEN '[{"fr":"a"},{"fr":"b"},{"fr":"c"}]'::jsonb ELSE '[]'::jsonb END
    FROM generate_series(0, 10) f, generate_series(1, 5) q;
  INSERT INTO feedback_responses (id, form_id, account_id, submitted_at)
  SELECT history_uuid('resp', i, f, j), history_uuid('form', i, f), CASE WHEN f % 2 = 1 THEN NULL ELSE r.account_id END,
         (start + days)::timestamptz + make_interval(mins => j)
    FROM generate_series(0, people - 1) j JOIN registrations r ON r.id = history_uuid('reg', i, j) AND r.status = 'confirmed',
         generate_series(0, 10) f
   WHERE (f = 0 AND j % 10 < 6) OR (f > 0 AND (j + f) % 5 = 0);
  INSERT INTO feedback_respondents (form_id, account_id, answered_on)
  SELECT history_uuid('form', i, f), r.account_id, start + days
    FROM generate_series(0, people - 1) j JOIN registrations r ON r.id = history_uuid('reg', i, j) AND r.status = 'confirmed',
         generate_series(0, 10) f
   WHERE f % 2 = 1 AND (j + f) % 5 = 0;
  INSERT INTO feedback_answers (response_id, question_id, rating, choice, text)
  SELECT x.id, history_uuid('q', i, f, q),
         CASE WHEN q IN (1,2,5) THEN 1 + (abs(hashtext(x.id::text)) + q) % 5 END,
         CASE WHEN q = 3 THEN abs(hashtext(x.id::text)) % 3 END,
         CASE WHEN q = 4 THEN 'Some comment text' END
    FROM feedback_responses x JOIN generate_series(0, 10) f ON x.form_id = history_uuid('form', i, f), generate_series(1, 5) q;

  INSERT INTO directory_listings (registration_id, event_id, listed_at)
  SELECT r.id, ev, start - 20 FROM registrations r
   WHERE r.event_id = ev AND r.status = 'confirmed' AND abs(hashtext(r.id::text)) % 3 = 0;
END $$;
