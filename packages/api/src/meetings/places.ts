import { sql } from 'kysely';
import type { Context, StaffContext } from '../context';
import { containsPattern } from '../like-pattern';

/**
 * Places to measure distance from, found among the directory's own meetings (Homegroup calls no
 * outside geocoder): a meeting's location or address, a city, or a postal code. A city or postal
 * code stands at the average position of its meetings.
 */
export async function findPlaces(ctx: Context, staff: StaffContext, text: string) {
  const org = staff.facility.organizationId;
  const like = containsPattern(text.toLowerCase());
  const result = await sql<{
    label: string;
    kind: string;
    latitude: number;
    longitude: number;
    meetings: number;
  }>`
    select * from (
      select coalesce(location || ', ' || formatted_address, formatted_address, location) as label,
             'address' as kind, avg(latitude) as latitude, avg(longitude) as longitude, count(*)::int as meetings
        from meetings
       where organization_id = ${org} and retired_at is null and latitude is not null
         and attendance_mode <> 'online'
         and (lower(location) like ${like} or lower(formatted_address) like ${like})
       group by 1
      union all
      select city as label, 'city' as kind, avg(latitude), avg(longitude), count(*)::int
        from meetings
       where organization_id = ${org} and retired_at is null and latitude is not null
         and city is not null and lower(city) like ${like}
       group by city
      union all
      select postal_code as label, 'postal code' as kind, avg(latitude), avg(longitude), count(*)::int
        from meetings
       where organization_id = ${org} and retired_at is null and latitude is not null
         and postal_code is not null and lower(postal_code) like ${like}
       group by postal_code
    ) places
    order by case kind when 'city' then 0 when 'postal code' then 1 else 2 end, meetings desc, label
    limit 12`.execute(ctx.db);
  return result.rows.map((p) => ({
    ...p,
    latitude: Math.round(Number(p.latitude) * 1e6) / 1e6,
    longitude: Math.round(Number(p.longitude) * 1e6) / 1e6,
  }));
}
