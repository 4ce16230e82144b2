// The API's description, public like any API documentation (it holds no data).
import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-static';

export function GET() {
  return NextResponse.json(openApiDocument);
}
