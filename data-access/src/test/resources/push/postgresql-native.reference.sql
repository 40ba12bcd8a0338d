-- Prisma's own DDL for postgresql-native.prisma: `prisma migrate diff --from-empty --to-schema ... --script` as run by
-- Prisma 7.10's schema engine (WASM build, @prisma/schema-engine-wasm 8.1.0-2.59be4fda) through
-- data-access/src/test/prisma/migrate-diff.mjs. Output as printed, not edited.

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Native" (
    "id" BIGSERIAL NOT NULL,
    "small" SMALLSERIAL NOT NULL,
    "ch" CHAR(10) NOT NULL,
    "vc" VARCHAR,
    "bits" BIT(8) NOT NULL,
    "vbits" VARBIT(16),
    "xml" XML,
    "inet" INET,
    "oid" OID,
    "real" REAL NOT NULL DEFAULT -0.5,
    "money" MONEY,
    "num" DECIMAL(10,3) NOT NULL DEFAULT 12.50,
    "time" TIME(3),
    "timetz" TIMETZ(2),
    "stamp" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "day" DATE,
    "json" JSON,
    "ints" INTEGER[] DEFAULT ARRAY[1, 2, 3]::INTEGER[],
    "texts" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "uuid" UUID NOT NULL DEFAULT gen_random_uuid(),
    "partnerId" BIGINT,

    CONSTRAINT "Native_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEver" (
    "id" INTEGER NOT NULL,
    "first" INTEGER NOT NULL,
    "second" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT 'a ''quoted'' \ value',

    CONSTRAINT "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEver_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverToNative" (
    "A" INTEGER NOT NULL,
    "B" BIGINT NOT NULL,

    CONSTRAINT "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverTo_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Native_partnerId_key" ON "Native"("partnerId");

-- CreateIndex
CREATE INDEX "Native_ch_vc_idx" ON "Native"("ch", "vc" DESC);

-- CreateIndex
CREATE INDEX "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEver_first__idx" ON "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEver"("first", "second");

-- CreateIndex
CREATE UNIQUE INDEX "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEver_second_key" ON "AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEver"("second", "first", "note");

-- CreateIndex
CREATE INDEX "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverTo_B_index" ON "_AVeryLongModelNameThatGoesOnAndOnAndOnForeverAndEverToNative"("B");
